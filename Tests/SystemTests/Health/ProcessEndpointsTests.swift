import Foundation
import HealthServer
import Runtime
import TestSupport
import XCTest

/// The real executables serve `/healthz`, `/readyz` and `/metrics` on the ports
/// their configuration gives, and `stack.env` lists those URLs.
final class ProcessEndpointsTests: XCTestCase {
    var processes: [ServiceProcess] = []

    override func tearDown() {
        for process in processes { process.stop() }
    }

    /// A base port of its own, clear of the stack's processes and of the in-process tests.
    var base: Int { HealthTestPorts.port(40) }

    func spawn(_ name: String, _ executable: String, _ arguments: [String] = [], extra: [String: String] = [:]) throws
        -> ServiceProcess {
        let bin = try FaultStack.locateBinDir()
        let logDir = (LocalStack.current.localDir ?? NSTemporaryDirectory()) + "/logs/health-tests"
        try FileManager.default.createDirectory(atPath: logDir, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["WAGE_STACK_ENV"] = Harness.stackEnvPath
        environment["WAGE_HTTP_BASE_PORT"] = String(base)
        environment["WAGE_LOG_LEVEL"] = "notice"
        environment.removeValue(forKey: "WAGE_METRICS_DIR")
        environment.merge(extra) { _, new in new }
        let process = ServiceProcess(name: name, executable: "\(bin)/\(executable)", arguments: arguments,
                                     logPath: "\(logDir)/\(name).log")
        try process.start(environment: environment)
        processes.append(process)
        return process
    }

    func url(_ key: String) throws -> String {
        try HealthEndpoint.of(process: key, values: ["WAGE_HTTP_BASE_PORT": String(base)]).url
    }

    func testAWorkerWithoutItsDatabaseIsAliveButNotReady() throws {
        let env = try Harness().env
        let unreachable = try env.databaseURL(for: .police)
            .replacingOccurrences(of: ":\(LocalStack.current.variable("WAGE_PG_PORT") ?? "5432")/", with: ":\(HealthTestPorts.port(5))/")
        let police = try spawn("worker-police", "worker-police", extra: ["WAGE_DATABASE_URL_POLICE": unreachable])
        let root = try url("WORKER_POLICE")
        HTTPGet.wait(root + "/healthz", "worker-police alive") { $0.status == 200 }
        let ready = HTTPGet.fetch(root + "/readyz")
        XCTAssertEqual(ready.status, 503, police.tail(5))
        XCTAssertTrue(ready.body.contains("police-consumer: database not connected"), ready.body)
        let metrics = HTTPGet.fetch(root + "/metrics")
        XCTAssertEqual(metrics.status, 200)
        XCTAssertTrue(metrics.body.contains(#"wage_ready{principal="police"} 0"#), metrics.body)
        XCTAssertTrue(metrics.body.contains(#"wage_connection_up{principal="police",connection="database"} 0"#), metrics.body)
    }

    func testTheRouterAndTheConsoleBecomeReadyOnTheRealStack() throws {
        let dutyList = Harness.repoRoot.appendingPathComponent("deploy/duty-lists/2026-2.yaml").path
        let router = try spawn("wage-router", "wage-router", ["--duty-list", dutyList])
        let console = try spawn("wage-console", "wage-console", ["--port", String(HealthTestPorts.port(15))])
        let routerReady = HTTPGet.wait(try url("ROUTER") + "/readyz", "the router ready", timeout: 30) { $0.status == 200 }
        XCTAssertEqual(routerReady.status, 200, router.tail(5))
        let metrics = HTTPGet.fetch(try url("ROUTER") + "/metrics").body
        XCTAssertTrue(metrics.contains(#"wage_duty_list_in_force{version="2026-2"} 1"#), metrics)
        XCTAssertTrue(metrics.contains(#"wage_ready{principal="router"} 1"#), metrics)
        let consoleReady = HTTPGet.wait(try url("CONSOLE") + "/readyz", "the console ready", timeout: 30) { $0.status == 200 }
        XCTAssertEqual(consoleReady.status, 200, console.tail(5))
        XCTAssertEqual(HTTPGet.fetch(try url("CONSOLE") + "/healthz").status, 200)
    }

    func testAProcessWhoseHealthPortIsTakenStopsWithAnError() throws {
        // The broker's Prometheus endpoint holds its port for as long as the stack runs.
        let taken = try XCTUnwrap(LocalStack.current.fileValues["WAGE_AMQP_PROMETHEUS_URL"]
            .flatMap { URL(string: $0)?.port })
        let police = try spawn("worker-police-taken-port", "worker-police", extra: ["WAGE_HTTP_PORT_WORKER_POLICE": String(taken)])
        let deadline = Date().addingTimeInterval(20)
        while police.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertFalse(police.isRunning, "worker-police kept running without its health port")
        XCTAssertNotEqual(police.exitStatus, 0)
        XCTAssertTrue(police.tail(3).contains("Address already in use"), police.tail(3))
    }

    func testStackEnvListsEveryProcessURL() throws {
        let values = LocalStack.current.fileValues
        XCTAssertNotNil(values["WAGE_HTTP_BASE_PORT"], "stack.env has no WAGE_HTTP_BASE_PORT: run deploy/local/stack.sh up")
        for key in HealthEndpoint.processKeys {
            XCTAssertEqual(values["WAGE_HTTP_URL_\(key)"], try HealthEndpoint.of(process: key, values: values).url, key)
        }
        XCTAssertNotNil(values["WAGE_AMQP_PROMETHEUS_URL"])
    }

    func testTheBrokerServesItsPrometheusMetrics() throws {
        let url = try XCTUnwrap(LocalStack.current.fileValues["WAGE_AMQP_PROMETHEUS_URL"])
        let answer = HTTPGet.wait(url, "rabbitmq_prometheus answering") { $0.status == 200 }
        XCTAssertTrue(answer.body.contains("rabbitmq_"), String(answer.body.prefix(300)))
    }
}
