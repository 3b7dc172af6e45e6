import Runtime
import Store
import XCTest

/// Which database errors are an outage (reconnect, no attempt used) and which
/// are a failed attempt of the message.
final class DatabaseAvailabilityTests: XCTestCase {
    func testLostConnectionsShutdownsAndASessionLeftInATransactionMeanUnavailable() {
        for state in ["08006", "08001", "08003", "57P01", "57P03", "25001"] {
            XCTAssertTrue(PGError(sqlState: state, message: "m").meansDatabaseUnavailable, state)
        }
    }

    func testOtherErrorsAreFailedAttempts() {
        for state in ["23514", "23505", "40P01", "40001", "42501", "25P02", "57014"] {
            XCTAssertFalse(PGError(sqlState: state, message: "m").meansDatabaseUnavailable, state)
        }
        XCTAssertFalse(PGError(sqlState: nil, message: "no state").meansDatabaseUnavailable)
    }
}
