import Runtime
import Messages
import Workflow
import XCTest

/// What the consumer does with a batch of deliveries: refuse, apply, ack
/// (multiple), requeue, pause, reconnect, give back on stop.
final class DeliveryPlanTests: XCTestCase {
    typealias Received = (tag: UInt64, undecodable: RejectionReason?)

    func decodable(_ tags: UInt64...) -> [Received] { tags.map { ($0, nil) } }

    func holding(_ tags: [UInt64], brokerLost: Bool = false, settings: DeliverySettings = DeliverySettings()) -> DeliveryPlan {
        var plan = DeliveryPlan(settings: settings)
        XCTAssertEqual(plan.received(tags.map { ($0, nil) }, brokerLost: brokerLost), [.apply])
        return plan
    }

    func testDecodableDeliveriesAreHeldAndApplied() {
        var plan = DeliveryPlan()
        XCTAssertEqual(plan.state, .waiting)
        XCTAssertEqual(plan.received(decodable(4, 5, 6)), [.apply])
        XCTAssertEqual(plan.state, .holding([4, 5, 6]))
    }

    func testUndecodableDeliveriesAreRefusedFirstAndTheRestApplied() {
        var plan = DeliveryPlan()
        let actions = plan.received([(1, nil), (2, .invalidJSON), (3, nil), (4, .missingProperty("type"))])
        XCTAssertEqual(actions, [.refuse(tag: 2, reason: .invalidJSON), .refuse(tag: 4, reason: .missingProperty("type")), .apply])
        XCTAssertEqual(plan.state, .holding([1, 3]))
    }

    func testABatchWithNothingDecodableIsDoneAfterTheRefusals() {
        var plan = DeliveryPlan()
        XCTAssertEqual(plan.received([(7, .invalidJSON)]), [.refuse(tag: 7, reason: .invalidJSON)])
        XCTAssertEqual(plan.state, .done)
        XCTAssertEqual(plan.applied([.acknowledged(.applied)]), [], "nothing to settle")
    }

    func testAWholeBatchThatCommittedIsAckedOnceWithMultiple() {
        var plan = holding([10, 11, 12])
        let results: [ProcessingResult] = [.acknowledged(.applied), .acknowledged(.duplicate),
                                           .acknowledged(.rejected(.notAssignee))]
        XCTAssertEqual(plan.applied(results), [.ack(tag: 12, multiple: true)])
        XCTAssertEqual(plan.state, .done)
    }

    func testAckMultipleNamesTheLastHeldDeliveryNotARefusedOne() {
        var plan = DeliveryPlan()
        XCTAssertEqual(plan.received([(1, nil), (2, nil), (3, .invalidJSON)]),
                       [.refuse(tag: 3, reason: .invalidJSON), .apply])
        XCTAssertEqual(plan.applied([.acknowledged(.applied), .acknowledged(.applied)]), [.ack(tag: 2, multiple: true)])
    }

    func testASingleCommittedDeliveryIsAckedAlone() {
        var plan = holding([9])
        XCTAssertEqual(plan.applied([.acknowledged(.applied)]), [.ack(tag: 9, multiple: false)])
    }

    func testWhenOneWasNotCommittedEachIsSettledAndTheRequeueIsFollowedByAPause() {
        var plan = holding([1, 2, 3])
        let actions = plan.applied([.acknowledged(.applied), .retry("boom"), .acknowledged(.rejected(.invalidState))])
        XCTAssertEqual(actions, [.ack(tag: 1, multiple: false), .nack(tag: 2, requeue: true),
                                 .ack(tag: 3, multiple: false), .pause(seconds: 0.2)])
        XCTAssertEqual(plan.state, .done)
    }

    func testASingleRetryIsRequeuedAndPaused() {
        var plan = holding([5], settings: DeliverySettings(retryPause: 1.5))
        XCTAssertEqual(plan.applied([.retry("later")]), [.nack(tag: 5, requeue: true), .pause(seconds: 1.5)])
    }

    func testAnUnavailableDatabaseIsWaitedOutWithDoublingPausesKeepingTheBatch() {
        var plan = holding([1, 2])
        var pauses: [Double] = []
        for _ in 0..<9 {
            let actions = plan.databaseUnavailable()
            guard actions.count == 3, case .pause(let seconds) = actions[0] else { return XCTFail("\(actions)") }
            XCTAssertEqual(Array(actions.dropFirst()), [.reconnectDatabase, .apply])
            pauses.append(seconds)
            XCTAssertEqual(plan.state, .holding([1, 2]), "the batch stays in hand")
        }
        XCTAssertEqual(pauses, [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5, 5, 5])
        XCTAssertEqual(plan.applied([.acknowledged(.applied), .acknowledged(.applied)]), [.ack(tag: 2, multiple: true)])
    }

    func testReconnectPausesFollowTheSettings() {
        var plan = holding([1], settings: DeliverySettings(reconnectPause: 1, reconnectPauseCap: 3))
        let pauses = (0..<4).map { _ in plan.databaseUnavailable().first }
        XCTAssertEqual(pauses, [.pause(seconds: 1), .pause(seconds: 2), .pause(seconds: 3), .pause(seconds: 3)])
    }

    func testStoppingWithTheBatchInHandRequeuesEveryDelivery() {
        var plan = holding([3, 4])
        _ = plan.databaseUnavailable()
        XCTAssertEqual(plan.stopRequested(), [.nack(tag: 3, requeue: true), .nack(tag: 4, requeue: true)])
        XCTAssertEqual(plan.state, .done)
        XCTAssertEqual(plan.stopRequested(), [], "given back once")
    }

    func testAfterALostBrokerTheBatchIsStillSettledThenTheConsumerReconnects() {
        var plan = holding([1, 2], brokerLost: true)
        XCTAssertEqual(plan.applied([.acknowledged(.applied), .acknowledged(.applied)]),
                       [.ack(tag: 2, multiple: true), .reconnectBroker])
        var retried = holding([1], brokerLost: true)
        XCTAssertEqual(retried.applied([.retry("x")]), [.nack(tag: 1, requeue: true), .pause(seconds: 0.2), .reconnectBroker])
        var stopped = holding([1], brokerLost: true)
        XCTAssertEqual(stopped.stopRequested(), [.nack(tag: 1, requeue: true), .reconnectBroker])
    }

    func testALostBrokerWithNothingInHandOnlyReconnects() {
        var empty = DeliveryPlan()
        XCTAssertEqual(empty.received([], brokerLost: true), [.reconnectBroker])
        XCTAssertEqual(empty.state, .done)
        var refusedOnly = DeliveryPlan()
        XCTAssertEqual(refusedOnly.received([(1, .invalidJSON)], brokerLost: true),
                       [.refuse(tag: 1, reason: .invalidJSON), .reconnectBroker])
        var quiet = DeliveryPlan()
        XCTAssertEqual(quiet.received([]), [])
        XCTAssertEqual(quiet.state, .done)
    }

    func testEventsOutOfTurnDoNothing() {
        var plan = DeliveryPlan()
        XCTAssertEqual(plan.applied([.acknowledged(.applied)]), [])
        XCTAssertEqual(plan.databaseUnavailable(), [])
        XCTAssertEqual(plan.stopRequested(), [])
        XCTAssertEqual(plan.state, .waiting)
        XCTAssertEqual(plan.received(decodable(1)), [.apply])
        XCTAssertEqual(plan.received(decodable(2)), [], "one batch per plan")
        XCTAssertEqual(plan.applied([.acknowledged(.applied)]), [.ack(tag: 1, multiple: false)])
        XCTAssertEqual(plan.applied([.acknowledged(.applied)]), [], "settled once")
        XCTAssertEqual(plan.databaseUnavailable(), [])
    }

    func testProcessingResultsSayWhatWasCommitted() {
        XCTAssertTrue(ProcessingResult.acknowledged(.applied).isAcknowledged)
        XCTAssertTrue(ProcessingResult.acknowledged(.duplicate).isAcknowledged)
        XCTAssertTrue(ProcessingResult.acknowledged(.rejected(.notAssignee)).isAcknowledged)
        XCTAssertFalse(ProcessingResult.retry("x").isAcknowledged)
        XCTAssertTrue(ProcessingResult.acknowledged(.rejected(.notAssignee)).isRefusal)
        XCTAssertFalse(ProcessingResult.acknowledged(.applied).isRefusal)
        XCTAssertFalse(ProcessingResult.retry("x").isRefusal)
    }
}
