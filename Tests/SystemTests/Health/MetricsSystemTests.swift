import Departments
import Foundation
import Messages
import Runtime
import TestSupport
import XCTest

/// `/metrics` moves when messages flow through the real router and worker-hrss.
final class MetricsSystemTests: XCTestCase {
    var harness: Harness!
    var server: TestHealthServer?

    override func setUpWithError() throws {
        MetricsExport.bootstrap()
        harness = try Harness()
        try harness.purgeQueues()
    }

    override func tearDown() async throws {
        server?.stop()
        await harness?.shutdown()
    }

    func testCountersMoveWhenAClueIsAppliedAndWhenOneIsRefused() throws {
        try harness.startRouter()
        try harness.startOffice()
        let board = HealthBoard(principal: "hrss")
        board.register("test", checks: [])
        let server = TestHealthServer(port: HealthTestPorts.port(3), readiness: board)
        self.server = server
        let applied = #"wage_messages_total{principal="hrss",type="clue.report",outcome="applied",reason="none"}"#
        let routed = #"wage_router_messages_total{type="clue.report",outcome="routed",reason="none"}"#
        let refused = #"wage_router_messages_total{type="clue.report",outcome="refused",reason="schema"}"#
        let batches = #"wage_batch_size_count{principal="hrss"}"#
        let before = HTTPGet.fetch(server.url + "/metrics")
        XCTAssertEqual(before.status, 200)

        try harness.reportClue(Harness.newID("metrics-clue"))
        var after = HTTPGet.wait(server.url + "/metrics", "the applied clue counted") {
            HTTPGet.sample($0.body, applied) >= HTTPGet.sample(before.body, applied) + 1
        }
        XCTAssertGreaterThanOrEqual(HTTPGet.sample(after.body, routed), HTTPGet.sample(before.body, routed) + 1, after.body)
        XCTAssertGreaterThan(HTTPGet.sample(after.body, batches), HTTPGet.sample(before.body, batches))
        XCTAssertTrue(after.body.contains(#"wage_handling_seconds_bucket{principal="hrss",le="+Inf"}"#), after.body)
        XCTAssertTrue(after.body.contains(#"wage_duty_list_in_force{version="2026-2"} 1"#), after.body)
        XCTAssertTrue(after.body.contains(#"wage_reference_version{principal="hrss",name="calendar"}"#), after.body)
        XCTAssertTrue(after.body.contains(#"wage_outbox_backlog{principal="hrss"}"#), after.body)
        XCTAssertTrue(after.body.contains(#"wage_outbox_oldest_seconds{principal="hrss"}"#), after.body)
        XCTAssertTrue(after.body.contains(#"wage_connection_up{principal="router",connection="database"} 1"#), after.body)

        guard case .object(var broken) = Harness.clue(Harness.newID("metrics-bad")) else { return XCTFail("a clue is an object") }
        broken["workers_count"] = .string("many")
        try harness.publish(as: .platform, "clue.report", .object(broken))
        after = HTTPGet.wait(server.url + "/metrics", "the refused clue counted with its reason") {
            HTTPGet.sample($0.body, refused) >= HTTPGet.sample(before.body, refused) + 1
        }
        XCTAssertEqual(after.status, 200)
    }
}
