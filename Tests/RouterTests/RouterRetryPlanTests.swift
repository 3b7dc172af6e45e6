import Store
@testable import Router
import XCTest

/// How a router thread treats a batch whose decisions could not be made durable (no server).
final class RouterRetryPlanTests: XCTestCase {
    struct BrokerTrouble: Error {}

    func testAnOutageIsWaitedOutForEverWithoutUsingAnAttempt() {
        var plan = RouterRetryPlan(batchSize: 50, maxAttempts: 3)
        for _ in 0..<100 {
            XCTAssertEqual(plan.failed(.databaseUnavailable), .reconnectAndRetry)
            XCTAssertEqual(plan.failed(.transient), .retry)
        }
        XCTAssertEqual(plan.attempts, 0)
    }

    func testAPersistentFailureSplitsABatchAfterTheLastAttempt() {
        var plan = RouterRetryPlan(batchSize: 50, maxAttempts: 3)
        XCTAssertEqual(plan.failed(.failed), .retry)
        XCTAssertEqual(plan.failed(.databaseUnavailable), .reconnectAndRetry, "an outage in between counts nothing")
        XCTAssertEqual(plan.failed(.failed), .retry)
        XCTAssertEqual(plan.failed(.failed), .decideEachAlone)
        XCTAssertEqual(plan.attempts, 3)
    }

    func testASingleDeliveryThatKeepsFailingIsRefused() {
        var plan = RouterRetryPlan(batchSize: 1, maxAttempts: 2)
        XCTAssertEqual(plan.failed(.failed), .retry)
        XCTAssertEqual(plan.failed(.failed), .refuseProcessingFailed)
    }

    func testAtLeastOneAttemptIsAlwaysAllowed() {
        var plan = RouterRetryPlan(batchSize: 1, maxAttempts: 0)
        XCTAssertEqual(plan.maxAttempts, 1)
        XCTAssertEqual(plan.failed(.failed), .refuseProcessingFailed)
    }

    func testErrorsAreClassifiedBySQLState() {
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "08006", message: "lost")), .databaseUnavailable)
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "57P01", message: "admin shutdown")), .databaseUnavailable)
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "40P01", message: "deadlock")), .transient)
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "40001", message: "serialization")), .transient)
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "55P03", message: "lock not available")), .transient)
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "53200", message: "out of memory")), .transient)
        XCTAssertEqual(RouterRetryPlan.classify(BrokerTrouble()), .transient)
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "22021", message: "invalid byte sequence")), .failed)
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "P0001", message: "raised")), .failed)
        XCTAssertEqual(RouterRetryPlan.classify(PGError(sqlState: "23514", message: "check violation")), .failed)
    }
}
