// swift-tools-version:6.0
import PackageDescription

/// Wage-arrears workflow service: department workers over RabbitMQ and PostgreSQL.
///
/// Layers (each a module, tested on its own):
/// - `CRabbitMQ`, `CLibPQ`: system libraries (librabbitmq-c, libpq) with a shim header.
/// - `AMQP`, `Store`: small Swift adapters over them; one `check()` funnel for C errors.
/// - `Workflow`: the pure domain (calendar, money, case/referral/fund/legal-aid machines).
/// - `Duties`: duty lists as data (YAML), message schemas, the routing decision.
/// - `HealthServer`: `/healthz`, `/readyz`, `/metrics` over HTTP (hummingbird), fed by published state.
/// - `Runtime`: the shared worker runtime (consumer thread, inbox/outbox, relay, lifecycle).
/// - `Router`, `Departments`: the router service and the department handlers.
/// - `Reports`: the reports of seed 003 (figures from the views; text, CSV, HTML with SVG charts).
/// - `WageCtlKit`: the back-office CLI.
/// - `Console`: the staff web console (hummingbird), acting as the logged-in person's department.
let package = Package(
    name: "wage-workflow",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wage-router", targets: ["wage-router"]),
        .executable(name: "wagectl", targets: ["wagectl"]),
        .executable(name: "worker-hrss", targets: ["worker-hrss"]),
        .executable(name: "worker-housing", targets: ["worker-housing"]),
        .executable(name: "worker-police", targets: ["worker-police"]),
        .executable(name: "worker-petitions", targets: ["worker-petitions"]),
        .executable(name: "worker-justice", targets: ["worker-justice"]),
        .executable(name: "worker-finance", targets: ["worker-finance"]),
        .executable(name: "wage-bench", targets: ["wage-bench"]),
        .executable(name: "wage-console", targets: ["wage-console"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-atomics.git", from: "1.2.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        // The staff console (issue 20): HTTP server, bcrypt, templates
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    ],
    targets: [
        // C system libraries
        .systemLibrary(
            name: "CRabbitMQ", path: "Sources/CRabbitMQ", pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]),
        .systemLibrary(
            name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),

        // Adapters
        .target(name: "AMQP", dependencies: ["CRabbitMQ"]),
        .target(name: "Store", dependencies: ["CLibPQ"]),

        // The message catalogue: wire values and every message type (pure)
        .target(name: "Messages"),
        // Pure domain
        .target(name: "Workflow", dependencies: ["Messages"]),
        .target(
            name: "Duties",
            dependencies: [
                "Messages", "Workflow", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // Health and metrics over HTTP: reads only state the runtime publishes
        .target(
            name: "HealthServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Services
        .target(
            name: "Runtime",
            dependencies: [
                "AMQP", "Store", "Messages", "Workflow", "Duties", "HealthServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]),
        .target(
            name: "Router",
            dependencies: [
                "Runtime", "Duties", "Messages", "Workflow", "AMQP", "Store", "HealthServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .target(
            name: "Departments",
            dependencies: ["Runtime", "Duties", "Messages", "Workflow", "AMQP", "Store", .product(name: "Logging", package: "swift-log")]),
        // Reports (seed 003 信息互通): figures read from the views, rendered as text, CSV, HTML with SVG charts
        .target(name: "Reports", dependencies: ["Store", "Messages", "Workflow", "Duties"]),
        .target(
            name: "WageCtlKit",
            dependencies: [
                "Reports", "Runtime", "Duties", "Messages", "Workflow", "AMQP", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]),
        // The staff console (工作台): pages in Chinese, sessions, acts signed by the person
        .target(
            name: "Console",
            dependencies: [
                "Reports", "Runtime", "Duties", "Messages", "Workflow", "AMQP", "Store", "HealthServer",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Thin executables
        .executableTarget(
            name: "wage-router",
            dependencies: ["Router", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "wagectl", dependencies: ["WageCtlKit"]),
        .executableTarget(name: "wage-console", dependencies: ["Console"]),
        .executableTarget(name: "worker-hrss", dependencies: ["Departments", "Runtime"]),
        .executableTarget(name: "worker-housing", dependencies: ["Departments", "Runtime", "Messages", "Workflow"]),
        .executableTarget(name: "worker-police", dependencies: ["Departments", "Runtime"]),
        .executableTarget(name: "worker-petitions", dependencies: ["Departments", "Runtime"]),
        .executableTarget(name: "worker-justice", dependencies: ["Departments", "Runtime"]),
        .executableTarget(name: "worker-finance", dependencies: ["Departments", "Runtime"]),

        // Benchmark (not a test): end-to-end figures beside the machine's raw limits
        .executableTarget(
            name: "wage-bench",
            dependencies: [
                "Router", "Departments", "Runtime", "Duties", "Messages", "Workflow", "AMQP", "Store", "CRabbitMQ", "CLibPQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/wage-bench"),

        // Unit tests (no servers)
        .testTarget(name: "MessagesTests", dependencies: ["Messages", "Duties"]),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "Messages"]),
        .testTarget(name: "DutiesTests", dependencies: ["Duties", "Messages", "Workflow"]),
        .testTarget(
            name: "RuntimeTests",
            dependencies: ["Runtime", "Store", "Messages", "Workflow", "HealthServer",
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Metrics", package: "swift-metrics"),
                           .product(name: "Prometheus", package: "swift-prometheus")]),
        .testTarget(name: "StoreUnitTests", dependencies: ["Store"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Messages", "Workflow"]),
        .testTarget(name: "RouterTests", dependencies: ["Router", "AMQP", "Messages", "Store"]),
        .testTarget(name: "DepartmentsTests", dependencies: ["Departments", "Messages", "Workflow"]),
        .testTarget(name: "WageCtlKitTests", dependencies: ["WageCtlKit", "Reports", "Messages", "Duties"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Messages", "Duties", "Runtime", "Store"]),
        // Integration tests (real RabbitMQ and PostgreSQL from deploy/local)
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "AMQPTests", dependencies: ["AMQP", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport"]),
        .testTarget(
            name: "SystemTests",
            dependencies: ["Router", "Departments", "WageCtlKit", "Runtime", "Duties", "Messages", "Workflow", "AMQP", "Store",
                           "TestSupport", "HealthServer", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Logging", package: "swift-log")]),
    ],
    swiftLanguageModes: [.v6]
)
