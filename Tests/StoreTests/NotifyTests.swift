import Foundation
import XCTest
@testable import Store

/// LISTEN/NOTIFY wake-ups for the outbox relay.
final class NotifyTests: XCTestCase {
    func testNotificationFromAnotherSessionWakesAWaiter() throws {
        let url = try TestStack.adminURL()
        let listener = try PGConnection(url: url, applicationName: "store-tests-listen")
        defer { listener.close() }
        let channel = "Store Test \"\(TestStack.uniqueSuffix())\""  // needs identifier quoting
        try listener.listen(channel)

        let sent = expectation(description: "notify sent")
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            do {
                let sender = try PGConnection(url: url, applicationName: "store-tests-notify")
                try sender.notify(channel, payload: "outbox:42")
                sender.close()
            } catch {
                XCTFail("sender: \(error)")
            }
            sent.fulfill()
        }
        let start = Date()
        let note = try listener.nextNotification(timeout: 5)
        let waited = Date().timeIntervalSince(start)
        XCTAssertEqual(note?.channel, channel)
        XCTAssertEqual(note?.payload, "outbox:42")
        XCTAssertGreaterThan(waited, 0.2, "returned before the notification was sent")
        XCTAssertLessThan(waited, 3, "poll did not wake on the notification")
        wait(for: [sent], timeout: 5)
    }

    func testTimeoutReturnsNilAndQueuedNotificationsComeFirst() throws {
        let db = try TestStack.connect("store-tests-listen")
        defer { db.close() }
        let channel = "store_test_" + TestStack.uniqueSuffix()
        try db.listen(channel)

        let start = Date()
        XCTAssertNil(try db.waitForNotification(timeout: 0.3))
        let waited = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(waited, 0.28)
        XCTAssertLessThan(waited, 2)

        try db.notify(channel, payload: "self")  // arrives with this statement's result, gets queued
        XCTAssertEqual(try db.waitForNotification(timeout: 0), channel)
        XCTAssertNil(try db.waitForNotification(timeout: 0))

        try db.unlisten(channel)
        try db.notify(channel)
        XCTAssertNil(try db.waitForNotification(timeout: 0.1))
    }

    func testNotificationInsideTransactionArrivesOnlyAfterCommit() throws {
        let listener = try TestStack.connect("store-tests-listen")
        let sender = try TestStack.connect("store-tests-notify")
        defer { listener.close(); sender.close() }
        let channel = "store_test_" + TestStack.uniqueSuffix()
        try listener.listen(channel)
        try sender.transaction { tx in
            try tx.notify(channel, payload: "in-tx")
            XCTAssertNil(try listener.waitForNotification(timeout: 0.2))
        }
        XCTAssertEqual(try listener.nextNotification(timeout: 3)?.payload, "in-tx")
    }
}
