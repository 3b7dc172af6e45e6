import Runtime
import XCTest

/// Which lane applies which messages of a batch.
final class LanePlanTests: XCTestCase {
    /// Keys with their lane among `lanes`, the first `count` found for each lane.
    func keys(inLane lane: Int, of lanes: Int, count: Int) -> [String] {
        (0..<1000).map { "case:\($0)" }.filter { OrderingKey.lane(for: $0, lanes: lanes) == lane }.prefix(count).map { $0 }
    }

    func testOneLaneOrOneMessageIsAppliedByLaneZero() {
        XCTAssertEqual(LanePlan.of(keys: ["case:a", "case:b"], lanes: 1), .oneLane(0))
        XCTAssertEqual(LanePlan.of(keys: [keys(inLane: 1, of: 2, count: 1)[0]], lanes: 2), .oneLane(0))
        XCTAssertEqual(LanePlan.of(keys: [], lanes: 3), .oneLane(0))
    }

    func testAMessageThatNamesNothingPutsTheWholeBatchInLaneZero() {
        let a = keys(inLane: 0, of: 2, count: 1)[0], b = keys(inLane: 1, of: 2, count: 1)[0]
        XCTAssertEqual(LanePlan.of(keys: [a, nil, b], lanes: 2), .oneLane(0))
    }

    func testKeysAllInOneLaneGoToThatLane() {
        let inLane1 = keys(inLane: 1, of: 2, count: 3)
        XCTAssertEqual(LanePlan.of(keys: inLane1 + [inLane1[0]], lanes: 2), .oneLane(1))
    }

    func testKeysInSeveralLanesAreSplitInDeliveryOrder() {
        let zero = keys(inLane: 0, of: 3, count: 2), two = keys(inLane: 2, of: 3, count: 2)
        let batch = [zero[0], two[0], zero[1], two[1], zero[0]]
        XCTAssertEqual(LanePlan.of(keys: batch, lanes: 3), .split([[0, 2, 4], [], [1, 3]]))
    }
}
