import Foundation
import XCTest
@testable import Console

/// Sessions, the login rate limit and form decoding (no servers).
final class ConsoleSecurityTests: XCTestCase {
    func testSessionCookieIsSignedAndEnds() async throws {
        let store = SessionStore(lifetime: 60)
        let (cookie, session) = try await store.start(login: "zhangwei")
        guard case .valid(let id, let found) = try await store.lookup(cookie) else { return XCTFail("valid cookie refused") }
        XCTAssertEqual(found.login, "zhangwei")
        XCTAssertEqual(found.csrfToken, session.csrfToken)
        // Another id with a made-up signature, a changed signature, garbage: forged.
        let other = String(repeating: "a", count: 64)
        guard case .forged = try await store.lookup(other + "." + cookie.split(separator: ".")[1]) else { return XCTFail() }
        // Change the signature's last digit to a different one (appending a fixed "0" would
        // give back the same cookie whenever the digit already was "0").
        let changed = cookie.dropLast() + (cookie.last == "0" ? "1" : "0")
        guard case .forged = try await store.lookup(String(changed)) else { return XCTFail("a changed signature was accepted") }
        guard case .forged = try await store.lookup("zhangwei") else { return XCTFail() }
        try await store.end(id)
        guard case .ended = try await store.lookup(cookie) else { return XCTFail("a logged-out session still works") }
    }

    func testSessionExpiresWhenIdle() async throws {
        let store = SessionStore(lifetime: 60)
        let now = Date()
        let (cookie, _) = try await store.start(login: "a", now: now)
        guard case .valid = try await store.lookup(cookie, now: now.addingTimeInterval(59)) else { return XCTFail() }
        // The lookup at +59 s slid the expiry to +119 s.
        guard case .valid = try await store.lookup(cookie, now: now.addingTimeInterval(118)) else { return XCTFail() }
        guard case .ended = try await store.lookup(cookie, now: now.addingTimeInterval(179)) else { return XCTFail() }
    }

    func testDisablingEndsEverySessionOfThePerson() async throws {
        let store = SessionStore(lifetime: 60)
        let (a, _) = try await store.start(login: "a")
        let (b, _) = try await store.start(login: "b")
        try await store.endAll(of: "a")
        guard case .ended = try await store.lookup(a) else { return XCTFail() }
        guard case .valid = try await store.lookup(b) else { return XCTFail() }
    }

    func testThrottlePerLoginAndPerAddress() async throws {
        let t = LoginThrottle(perLogin: 3, perAddress: 5, window: 60)
        let now = Date()
        for _ in 0..<3 { await t.recordFailure(login: "x", address: "1.1.1.1", now: now) }
        let xBlocked = await t.allows(login: "x", address: "2.2.2.2", now: now)
        XCTAssertFalse(xBlocked, "a login is limited from any address")
        let yAllowed = await t.allows(login: "y", address: "1.1.1.1", now: now)
        XCTAssertTrue(yAllowed)
        for _ in 0..<2 { await t.recordFailure(login: "y", address: "1.1.1.1", now: now) }
        let addressBlocked = await t.allows(login: "z", address: "1.1.1.1", now: now)
        XCTAssertFalse(addressBlocked, "an address is limited for every login")
        let later = await t.allows(login: "x", address: "2.2.2.2", now: now.addingTimeInterval(61))
        XCTAssertTrue(later, "the window passes")
    }

    func testConstantTimeEqual() {
        XCTAssertTrue(SessionStore.constantTimeEqual("abc", "abc"))
        XCTAssertFalse(SessionStore.constantTimeEqual("abc", "abd"))
        XCTAssertFalse(SessionStore.constantTimeEqual("abc", "abcd"))
    }

    func testFormDecoding() {
        let f = Form(encoded: "a=1&note=%E5%B7%B2%E4%BB%98+ok&csrf=&a=2&empty")
        XCTAssertEqual(f["a"], "1", "the first value wins")
        XCTAssertEqual(f["note"], "已付 ok")
        XCTAssertEqual(f["csrf"], "")
        XCTAssertEqual(f["empty"], "")
        XCTAssertNil(f["missing"])
    }
}
