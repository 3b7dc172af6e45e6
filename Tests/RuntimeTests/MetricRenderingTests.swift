import Messages
import Metrics
import Prometheus
@testable import Runtime
import XCTest

/// Metric names, labels and the Prometheus text, on a private registry (no servers).
final class MetricRenderingTests: XCTestCase {
    func testMessagesAreCountedByTypeOutcomeAndReason() {
        let registry = PrometheusCollectorRegistry()
        let metrics = LoopMetrics(principal: "hrss", factory: MetricsExport.factory(registry: registry))
        metrics.message(type: "clue.report", .applied)
        metrics.message(type: "clue.report", .applied)
        metrics.message(type: "clue.report", .refused, reason: .schema("amount_owed"))
        metrics.message(type: "no.such.type", .retried)
        let text = registry.emitToString()
        XCTAssertTrue(text.contains(#"wage_messages_total{principal="hrss",type="clue.report",outcome="applied",reason="none"} 2"#), text)
        XCTAssertTrue(text.contains(#"wage_messages_total{principal="hrss",type="clue.report",outcome="refused",reason="schema"} 1"#), text)
        XCTAssertTrue(text.contains(#"wage_messages_total{principal="hrss",type="other",outcome="retried",reason="none"} 1"#), text)
    }

    func testLabelValuesStayBounded() {
        XCTAssertEqual(MetricName.typeLabel("case.accept"), "case.accept")
        XCTAssertEqual(MetricName.typeLabel("x\"injected"), MetricName.otherType)
        XCTAssertEqual(MetricName.typeLabel(nil), MetricName.otherType)
        XCTAssertEqual(MetricName.reasonLabel(.missingProperty("type")), "missing_property")
        XCTAssertEqual(MetricName.reasonLabel(.forbiddenSender), "forbidden_sender")
        XCTAssertEqual(MetricName.reasonLabel(nil), MetricName.noReason)
    }

    func testBatchesFillTheHistogramsWithTheConfiguredBuckets() {
        let registry = PrometheusCollectorRegistry()
        let metrics = LoopMetrics(principal: "police", factory: MetricsExport.factory(registry: registry))
        metrics.batch(size: 7, seconds: 0.003)
        metrics.batch(size: 0, seconds: 1)  // an empty poll is not a batch
        let text = registry.emitToString()
        XCTAssertTrue(text.contains(#"wage_batch_size_count{principal="police"} 1"#), text)
        XCTAssertTrue(text.contains(#"wage_batch_size_bucket{principal="police",le="10.0"} 1"#), text)
        XCTAssertTrue(text.contains(#"wage_batch_size_bucket{principal="police",le="5.0"} 0"#), text)
        XCTAssertTrue(text.contains(#"wage_handling_seconds_bucket{principal="police",le="0.005"} 1"#), text)
        XCTAssertTrue(text.contains(#"wage_handling_seconds_bucket{principal="police",le="0.002"} 0"#), text)
    }

    func testTheBoardPublishesConnectionStateAndReadiness() {
        let registry = PrometheusCollectorRegistry()
        let board = HealthBoard(principal: "finance", factory: MetricsExport.factory(registry: registry))
        board.register("finance-consumer", checks: [.broker, .database, .consuming])
        board.set(.broker, true, for: "finance-consumer")
        var text = registry.emitToString()
        XCTAssertTrue(text.contains(#"wage_connection_up{principal="finance",connection="broker"} 1"#), text)
        XCTAssertTrue(text.contains(#"wage_connection_up{principal="finance",connection="database"} 0"#), text)
        XCTAssertTrue(text.contains(#"wage_ready{principal="finance"} 0"#), text)
        board.set(.database, true, for: "finance-consumer")
        board.set(.consuming, true, for: "finance-consumer")
        text = registry.emitToString()
        XCTAssertTrue(text.contains(#"wage_ready{principal="finance"} 1"#), text)
    }

    func testReconnectsAndReferenceVersions() {
        let registry = PrometheusCollectorRegistry()
        let metrics = LoopMetrics(principal: "water", factory: MetricsExport.factory(registry: registry))
        metrics.reconnected(.broker)
        metrics.reconnected(.broker)
        metrics.versions(["calendar": 4, "settings": 2])
        let text = registry.emitToString()
        XCTAssertTrue(text.contains(#"wage_reconnects_total{principal="water",connection="broker"} 2"#), text)
        XCTAssertTrue(text.contains(#"wage_reference_version{principal="water",name="calendar"} 4"#), text)
        XCTAssertTrue(text.contains(#"wage_reference_version{principal="water",name="settings"} 2"#), text)
    }
}
