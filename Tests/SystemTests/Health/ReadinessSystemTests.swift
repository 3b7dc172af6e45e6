import Departments
import Foundation
import HealthServer
import Messages
import Runtime
import TestSupport
import XCTest

/// `/readyz` of a worker in this process whose database or broker is reached
/// through a relay the test cuts and restores: real servers, real connections.
final class ReadinessSystemTests: XCTestCase {
    var harness: Harness!
    var server: TestHealthServer?
    var relay: TCPRelay?

    override func setUpWithError() throws {
        MetricsExport.bootstrap()  // before the board makes its gauges
        harness = try Harness()
    }

    override func tearDown() async throws {
        server?.stop()
        relay?.stop()
        await harness?.shutdown()
    }

    func startPolice(databaseURL: String, amqpURL: String, board: HealthBoard) throws {
        try WorkerService(principal: .police, databaseURL: databaseURL, amqpURL: amqpURL, logger: harness.logger,
                          health: board, makeHandler: { Workers.police() })
            .start(stop: harness.stop, threads: harness.threads)
    }

    func testAWorkerIsReadyOnlyWhileItsDatabaseAnswers() throws {
        let pgPort = Int(LocalStack.current.variable("WAGE_PG_PORT") ?? "") ?? 5432
        let relay = TCPRelay(listenPort: HealthTestPorts.port(1), targetPort: pgPort)
        self.relay = relay
        let board = HealthBoard(principal: "police")
        try startPolice(databaseURL: relay.route(try harness.env.databaseURL(for: .police)),
                        amqpURL: try harness.env.amqpURL(for: .police), board: board)
        let server = TestHealthServer(port: HealthTestPorts.port(0), readiness: board)
        self.server = server
        let ready = server.url + "/readyz"

        let down = HTTPGet.wait(ready, "not ready while the database is unreachable") { $0.status == 503 }
        XCTAssertTrue(down.body.contains("police-consumer: database not connected"), down.body)
        XCTAssertEqual(HTTPGet.fetch(server.url + "/healthz").status, 200, "alive even when not ready")

        try relay.start()
        let up = HTTPGet.wait(ready, "ready once the database is reachable") { $0.status == 200 }
        XCTAssertEqual(up.body, "{\"status\":\"ready\"}\n")

        relay.stop()
        let lost = HTTPGet.wait(ready, "not ready after the database went away") { $0.status == 503 }
        XCTAssertTrue(lost.body.contains("database not connected"), lost.body)

        try relay.start()
        HTTPGet.wait(ready, "ready again after the database came back") { $0.status == 200 }
    }

    func testAWorkerIsReadyOnlyWhileItsBrokerAnswers() throws {
        let amqpPort = Int(LocalStack.current.variable("WAGE_AMQP_PORT") ?? "") ?? 5672
        let relay = TCPRelay(listenPort: HealthTestPorts.port(2), targetPort: amqpPort)
        self.relay = relay
        let board = HealthBoard(principal: "police")
        try startPolice(databaseURL: try harness.env.databaseURL(for: .police),
                        amqpURL: relay.route(try harness.env.amqpURL(for: .police)), board: board)
        let server = TestHealthServer(port: HealthTestPorts.port(0), readiness: board)
        self.server = server
        let ready = server.url + "/readyz"

        let down = HTTPGet.wait(ready, "not ready while the broker is unreachable") {
            $0.status == 503 && $0.body.contains("broker not connected") && !$0.body.contains("database")
        }
        XCTAssertTrue(down.body.contains("police-consumer: broker not connected"), down.body)

        try relay.start()
        HTTPGet.wait(ready, "ready once the broker is reachable") { $0.status == 200 }

        relay.stop()
        let lost = HTTPGet.wait(ready, "not ready after the broker connection was cut") { $0.status == 503 }
        XCTAssertTrue(lost.body.contains("broker not connected"), lost.body)
        XCTAssertTrue(HTTPGet.fetch(server.url + "/metrics").body
            .contains(#"wage_connection_up{principal="police",connection="broker"} 0"#))

        try relay.start()
        HTTPGet.wait(ready, "ready again after the broker came back", timeout: 30) { $0.status == 200 }
    }
}
