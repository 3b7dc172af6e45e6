import Foundation
import HealthServer
import Logging
import Runtime
import ServiceLifecycle
import TestSupport
import XCTest

/// Ports for the health tests: above this stack's process ports
/// (`WAGE_HTTP_BASE_PORT` + 20 + n), so they never meet a running process's.
enum HealthTestPorts {
    static var base: Int { Int(LocalStack.current.variable("WAGE_HTTP_BASE_PORT") ?? "") ?? HealthEndpoint.defaultBasePort }
    static func port(_ n: Int) -> Int { base + 20 + n }
}

/// One HTTP answer.
struct HTTPAnswer {
    let status: Int
    let body: String
}

/// GETs with curl (a real HTTP client, outside the process under test).
enum HTTPGet {
    static func fetch(_ url: String) -> HTTPAnswer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "3", "-w", "\n%{http_code}", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return HTTPAnswer(status: 0, body: "curl did not start") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let split = text.range(of: "\n", options: .backwards)
        let status = split.map { Int(text[$0.upperBound...]) ?? 0 } ?? 0
        return HTTPAnswer(status: status, body: split.map { String(text[..<$0.lowerBound]) } ?? text)
    }

    /// Polls `url` until `accept` holds; fails the test with the last answer otherwise.
    @discardableResult
    static func wait(_ url: String, _ what: String, timeout: Double = 20, file: StaticString = #filePath,
                     line: UInt = #line, until accept: (HTTPAnswer) -> Bool) -> HTTPAnswer {
        let deadline = Date().addingTimeInterval(timeout)
        var last = fetch(url)
        while !accept(last), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            last = fetch(url)
        }
        if !accept(last) { XCTFail("\(url): timed out waiting for \(what); last answer \(last.status): \(last.body)", file: file, line: line) }
        return last
    }

    /// The value of the sample `series` (name and labels exactly as rendered), 0 when absent.
    static func sample(_ metrics: String, _ series: String) -> Double {
        for line in metrics.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1)) ?? 0
        }
        return 0
    }
}

/// A health server in this test process (what a process's main starts), until `stop()`.
final class TestHealthServer: @unchecked Sendable {
    let url: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(port: Int, readiness: any ReadinessSource) {
        url = "http://127.0.0.1:\(port)"
        var logger = Logger(label: "health-test")
        logger.logLevel = .critical
        let app = HealthServer.application(
            endpoint: HealthEndpoint(host: "127.0.0.1", port: port),
            routes: HealthRoutes(readiness: readiness, metrics: { MetricsExport.render() }), name: "health-test", logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        self.group = group
        task = Task { try await group.run() }
        HTTPGet.wait(url + "/healthz", "the test health server") { $0.status == 200 }
    }

    func stop() {
        let done = DispatchSemaphore(value: 0)
        let (group, task) = (self.group, self.task)
        Task {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
            done.signal()
        }
        done.wait()
    }
}

/// A TCP relay (python3, a separate process) from `listenPort` to a real server's
/// port: killing it cuts every connection through it, like a server going away.
final class TCPRelay {
    let listenPort: Int
    let targetPort: Int
    private var process: Process?

    static let script = """
    socket, sys, threading = map(__import__, ("socket", "sys", "threading"))
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(64); print("listening", flush=True)
    def pipe(a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data: break
                b.sendall(data)
        except OSError: pass
        for s in (a, b):
            try: s.shutdown(socket.SHUT_RDWR)
            except OSError: pass
    while True:
        c, _ = srv.accept()
        try: u = socket.create_connection(("127.0.0.1", int(sys.argv[2])))
        except OSError: c.close(); continue
        for x, y in ((c, u), (u, c)): threading.Thread(target=pipe, args=(x, y), daemon=True).start()
    """

    init(listenPort: Int, targetPort: Int) {
        self.listenPort = listenPort
        self.targetPort = targetPort
    }

    /// Starts relaying; returns once it listens.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, String(listenPort), String(targetPort)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        self.process = process
        _ = pipe.fileHandleForReading.availableData  // "listening"
    }

    /// Kills the relay and every connection through it.
    func stop() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    deinit { stop() }

    /// `url` with its port replaced by the relay's (`host:port` after the `@`).
    func route(_ url: String) -> String {
        url.replacingOccurrences(of: ":\(targetPort)/", with: ":\(listenPort)/")
    }
}
