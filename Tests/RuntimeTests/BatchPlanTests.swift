import Runtime
import XCTest

/// How a lane applies its batches (all or nothing, savepoints after a
/// rollback, each alone after a failed commit) and the attempt limit.
final class BatchPlanTests: XCTestCase {
    func testASingleMessageIsAppliedAloneInEveryMode() {
        var plan = BatchPlan()
        XCTAssertEqual(plan.batchReceived(count: 1), .applyEachAlone)
        XCTAssertEqual(plan.batchReceived(count: 0), .applyEachAlone)
        XCTAssertEqual(plan.mode, .allOrNothing)
        _ = plan.allOrNothingRolledBack()
        XCTAssertEqual(plan.batchReceived(count: 1), .applyEachAlone)
        XCTAssertEqual(plan.mode, .savepoints(batchesLeft: 20), "a single message uses up no savepoint batch")
    }

    func testABatchIsAppliedAllOrNothingUntilARollback() {
        var plan = BatchPlan()
        for count in [2, 3, 50, 2] {
            XCTAssertEqual(plan.batchReceived(count: count), .applyAllOrNothing)
            XCTAssertEqual(plan.mode, .allOrNothing)
        }
    }

    func testAfterARollbackThatBatchAndTheNext20UseSavepointsThenAllOrNothingAgain() {
        var plan = BatchPlan()
        XCTAssertEqual(plan.batchReceived(count: 5), .applyAllOrNothing)
        XCTAssertEqual(plan.allOrNothingRolledBack(), .applyWithSavepoints, "the rolled-back batch again, with savepoints")
        XCTAssertEqual(plan.mode, .savepoints(batchesLeft: 20))
        for left in (0..<20).reversed() {
            XCTAssertEqual(plan.batchReceived(count: 3), .applyWithSavepoints)
            XCTAssertEqual(plan.mode, left == 0 ? .allOrNothing : .savepoints(batchesLeft: left))
        }
        XCTAssertEqual(plan.batchReceived(count: 3), .applyAllOrNothing, "the 21st batch after the rollback")
    }

    func testSingleMessagesBetweenSavepointBatchesDoNotCount() {
        var plan = BatchPlan(settings: DeliverySettings(savepointBatches: 2))
        _ = plan.allOrNothingRolledBack()
        XCTAssertEqual(plan.batchReceived(count: 2), .applyWithSavepoints)
        XCTAssertEqual(plan.batchReceived(count: 1), .applyEachAlone)
        XCTAssertEqual(plan.batchReceived(count: 1), .applyEachAlone)
        XCTAssertEqual(plan.batchReceived(count: 2), .applyWithSavepoints)
        XCTAssertEqual(plan.batchReceived(count: 2), .applyAllOrNothing)
    }

    func testARollbackStartsTheSavepointCountAfresh() {
        var plan = BatchPlan(settings: DeliverySettings(savepointBatches: 3))
        _ = plan.allOrNothingRolledBack()
        _ = plan.batchReceived(count: 2)
        _ = plan.batchReceived(count: 2)
        XCTAssertEqual(plan.mode, .savepoints(batchesLeft: 1))
        XCTAssertEqual(plan.allOrNothingRolledBack(), .applyWithSavepoints)
        XCTAssertEqual(plan.mode, .savepoints(batchesLeft: 3))
    }

    func testWithNoSavepointBatchesOnlyTheRolledBackBatchUsesSavepoints() {
        var plan = BatchPlan(settings: DeliverySettings(savepointBatches: 0))
        XCTAssertEqual(plan.batchReceived(count: 2), .applyAllOrNothing)
        XCTAssertEqual(plan.allOrNothingRolledBack(), .applyWithSavepoints)
        XCTAssertEqual(plan.mode, .allOrNothing)
        XCTAssertEqual(plan.batchReceived(count: 2), .applyAllOrNothing)
    }

    func testWithOneSavepointBatchExactlyOneMoreBatchUsesSavepoints() {
        var plan = BatchPlan(settings: DeliverySettings(savepointBatches: 1))
        _ = plan.allOrNothingRolledBack()
        XCTAssertEqual(plan.batchReceived(count: 2), .applyWithSavepoints)
        XCTAssertEqual(plan.batchReceived(count: 2), .applyAllOrNothing)
    }

    func testASavepointBatchThatFailsAtCommitIsAppliedMessageByMessage() {
        var plan = BatchPlan()
        _ = plan.allOrNothingRolledBack()
        XCTAssertEqual(plan.batchReceived(count: 4), .applyWithSavepoints)
        XCTAssertEqual(plan.savepointBatchFailedAtCommit(), .applyEachAlone)
        XCTAssertEqual(plan.mode, .savepoints(batchesLeft: 19), "a failed commit does not change the mode")
    }

    func testTheNinthDeliveryIsTheLastAttempt() {
        let plan = BatchPlan()
        for count in 0..<8 {
            XCTAssertFalse(plan.isLastAttempt(deliveryCount: count), "\(count)")
            XCTAssertEqual(plan.messageFailed(deliveryCount: count), .retry, "\(count)")
        }
        for count in [8, 9, 10, 1000] {
            XCTAssertTrue(plan.isLastAttempt(deliveryCount: count), "\(count)")
            XCTAssertEqual(plan.messageFailed(deliveryCount: count), .refuseProcessingFailed, "\(count)")
        }
    }

    func testTheAttemptLimitFollowsTheSettings() {
        let plan = BatchPlan(settings: DeliverySettings(maxAttempts: 3))
        XCTAssertEqual(plan.messageFailed(deliveryCount: 2), .retry)
        XCTAssertEqual(plan.messageFailed(deliveryCount: 3), .refuseProcessingFailed)
    }

    func testARefusalAtTheLimitThatFailsIsRetried() {
        XCTAssertEqual(BatchPlan().refusalAtLimitFailed(), .retry)
    }

    func testTheDefaultsAreTheNumbersTheWorkersRunWith() {
        let settings = DeliverySettings()
        XCTAssertEqual(settings.maxBatch, 50)
        XCTAssertEqual(settings.maxAttempts, 8)
        XCTAssertEqual(settings.savepointBatches, 20)
        XCTAssertEqual(settings.retryPause, 0.2)
        XCTAssertEqual(settings.reconnectPause, 0.1)
        XCTAssertEqual(settings.reconnectPauseCap, 5)
        XCTAssertEqual(settings.pollTimeout, 1)
        XCTAssertEqual(BatchPlan().settings, settings)
        XCTAssertEqual(BatchPlan().mode, .allOrNothing)
    }
}
