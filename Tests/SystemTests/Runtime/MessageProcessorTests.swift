import Foundation
import Logging
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// The runtime's transaction per message against the real database: inbox
/// dedupe, refusal recording, follow-ups in the outbox, retries and the attempt limit.
final class MessageProcessorTests: XCTestCase {
    var h: Harness!
    var db: PGConnection!

    override func setUp() async throws {
        h = try Harness()
        db = try PGConnection(url: try h.env.databaseURL(for: .hrss))
    }

    override func tearDown() async throws {
        db.close()
        await h.shutdown()
    }

    /// A handler whose behaviour the test chooses; it writes a timeline-free
    /// effect (an outbox follow-up) so effects are observable.
    final class ScriptedHandler: MessageHandler {
        let principal = Principal.hrss
        var script: (InboundMessage, HandlerContext) throws -> Disposition
        var calls = 0
        init(_ script: @escaping (InboundMessage, HandlerContext) throws -> Disposition) { self.script = script }
        func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
            calls += 1
            return try script(message, context)
        }
    }

    func processor(_ handler: ScriptedHandler, maxAttempts: Int = 8) -> MessageProcessor {
        MessageProcessor(handler: handler, db: db, calendar: WorkingCalendar(), logger: h.logger,
                         settings: DeliverySettings(maxAttempts: maxAttempts))
    }

    func message(_ id: String = Harness.newID("mp"), deliveryCount: Int = 0) -> InboundMessage {
        InboundMessage(messageID: id, rawType: "case.accept", sender: .housing, body: ["case_id": "c"],
                       bodyBytes: Array("{\"case_id\":\"c\"}".utf8), deliveryCount: deliveryCount)
    }

    func outboxCount(_ id: String) throws -> String? {
        try h.value("SELECT count(*) FROM wage.outbox WHERE message_id LIKE $1", ["\(id):%"])
    }

    func testAMessageIsAppliedOnceAndItsFollowUpsCommitWithIt() throws {
        let handler = ScriptedHandler { _, ctx in
            ctx.send(.caseNotice, ["case_id": "c", "event": "x", "notify": ["hrss"]], suffix: "notice")
            return .ack
        }
        let p = processor(handler)
        let m = message()
        XCTAssertEqual(try p.process(m), .acknowledged(.applied))
        XCTAssertEqual(try p.process(m), .acknowledged(.duplicate))
        XCTAssertEqual(handler.calls, 1)
        XCTAssertEqual(try outboxCount(m.messageID), "1")
        XCTAssertEqual(try h.value("SELECT type FROM wage.outbox WHERE message_id = $1", ["\(m.messageID):notice"]), "case.notice")
    }

    func testARefusalRollsBackEffectsAndRecordsTheReasonAndTheNoticeToTheRouter() throws {
        let handler = ScriptedHandler { _, ctx in
            ctx.send(.caseNotice, ["case_id": "c", "event": "x", "notify": ["hrss"]], suffix: "should-not-exist")
            try ctx.db.execute("INSERT INTO wage.department_cases (department, case_id, status) SELECT 'hrss', gen_random_uuid(), 'x' WHERE false")
            return .reject(.notAssignee)
        }
        let p = processor(handler)
        let m = message()
        XCTAssertEqual(try p.process(m), .acknowledged(.rejected(.notAssignee)))
        XCTAssertEqual(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'hrss'", [m.messageID]), "not_assignee")
        XCTAssertEqual(try h.value("SELECT type FROM wage.outbox WHERE message_id = $1", ["\(m.messageID):rejected:hrss"]), "message.rejected")
        XCTAssertNil(try h.value("SELECT 1 FROM wage.outbox WHERE message_id = $1", ["\(m.messageID):should-not-exist"]))
        XCTAssertEqual(try p.process(m), .acknowledged(.duplicate), "a refused message is not refused twice")
    }

    func testAThrowingHandlerLeavesNoTraceAndIsRetried() throws {
        struct Boom: Error {}
        var fail = true
        let handler = ScriptedHandler { _, ctx in
            ctx.send(.caseNotice, ["case_id": "c", "event": "x", "notify": ["hrss"]], suffix: "n")
            if fail { throw Boom() }
            return .ack
        }
        let p = processor(handler)
        let m = message()
        guard case .retry = try p.process(m) else { return XCTFail("expected a retry") }
        XCTAssertEqual(try outboxCount(m.messageID), "0")
        XCTAssertNil(try h.value("SELECT 1 FROM wage.inbox WHERE consumer = 'hrss' AND message_id = $1", [m.messageID]))
        fail = false
        XCTAssertEqual(try p.process(m), .acknowledged(.applied))
        XCTAssertEqual(try outboxCount(m.messageID), "1")
    }

    func testAFailureAtCommitIsACountedRetryNotAnOutage() throws {
        // A deferred check that fails only at COMMIT (like the fund's overdraft guard).
        try h.admin.execute("""
            DROP SCHEMA IF EXISTS wage_test CASCADE;
            CREATE SCHEMA wage_test;
            CREATE TABLE wage_test.commit_guard (x int);
            CREATE FUNCTION wage_test.refuse() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'refused at commit' USING ERRCODE = '23514'; END $$;
            CREATE CONSTRAINT TRIGGER guard AFTER INSERT ON wage_test.commit_guard
              DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION wage_test.refuse();
            GRANT USAGE ON SCHEMA wage_test TO wage_hrss;
            GRANT INSERT ON wage_test.commit_guard TO wage_hrss;
            GRANT EXECUTE ON FUNCTION wage_test.refuse() TO wage_hrss;
            """)
        defer { _ = try? h.admin.execute("DROP SCHEMA IF EXISTS wage_test CASCADE") }
        let handler = ScriptedHandler { _, ctx in
            try ctx.db.execute("INSERT INTO wage_test.commit_guard VALUES ($1)", [1])
            return .ack
        }
        let p = processor(handler)
        let m = message()
        let outcome = try p.process(m)
        guard case .retry(let why) = outcome else { return XCTFail("expected a retry, got \(outcome)") }
        XCTAssertTrue(why.contains("23514"), why)
        XCTAssertNil(try h.value("SELECT 1 FROM wage.inbox WHERE consumer = 'hrss' AND message_id = $1", [m.messageID]))
    }

    func testAMessageThatKeepsFailingIsRefusedAtTheAttemptLimit() throws {
        let handler = ScriptedHandler { _, _ in throw NSError(domain: "poison", code: 1) }
        let p = processor(handler, maxAttempts: 3)
        let m = message(deliveryCount: 3)
        XCTAssertEqual(try p.process(m), .acknowledged(.rejected(.processingFailed)))
        XCTAssertEqual(handler.calls, 1, "tried once more, refused because this try failed too")
        XCTAssertEqual(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [m.messageID]), "processing_failed")
    }

    /// The delivery count also counts deliveries returned by consumers that died
    /// (kill -9, a crash loop, a broker restart): at the limit a message whose
    /// handler works is applied, not refused.
    func testAMessageAtTheAttemptLimitWhoseHandlerWorksIsApplied() throws {
        let handler = ScriptedHandler { _, _ in .ack }
        let p = processor(handler, maxAttempts: 3)
        let m = message(deliveryCount: 5)
        XCTAssertEqual(try p.process(m), .acknowledged(.applied))
        XCTAssertEqual(try p.process(batch: [message(deliveryCount: 3), message(deliveryCount: 9)]),
                       [.acknowledged(.applied), .acknowledged(.applied)])
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [m.messageID]))
    }

    func testInABatchAFailureAtTheAttemptLimitIsRefusedAndTheOthersApply() throws {
        struct Boom: Error {}
        let handler = ScriptedHandler { m, _ in if m.deliveryCount >= 3 { throw Boom() }; return .ack }
        let p = processor(handler, maxAttempts: 3)
        let (ok, failing, early) = (message(), message(deliveryCount: 3), message(deliveryCount: 2))
        let outcomes = try p.process(batch: [ok, failing, early])
        XCTAssertEqual(outcomes[0], .acknowledged(.applied))
        XCTAssertEqual(outcomes[1], .acknowledged(.rejected(.processingFailed)))
        XCTAssertEqual(outcomes[2], .acknowledged(.applied))
        XCTAssertEqual(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [failing.messageID]), "processing_failed")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'hrss' AND message_id = $1", [failing.messageID]), "1")
    }

    func testABatchAppliesEachMessageInItsOwnSavepoint() throws {
        struct Boom: Error {}
        let handler = ScriptedHandler { m, ctx in
            ctx.send(.caseNotice, ["case_id": "c", "event": "x", "notify": ["hrss"]], suffix: "n")
            switch m.payload["note"]?.stringValue {
            case "refuse": return .reject(.invalidState)
            case "throw": throw Boom()
            default: return .ack
            }
        }
        let p = processor(handler)
        func msg(_ note: String) -> InboundMessage {
            InboundMessage(messageID: Harness.newID("batch-\(note)"), rawType: "case.progress", sender: .housing,
                           body: ["case_id": "c", "note": .string(note)], bodyBytes: Array("{}".utf8))
        }
        let ok = msg("ok"), refuse = msg("refuse"), boom = msg("throw"), ok2 = msg("ok2")
        let outcomes = try p.process(batch: [ok, refuse, boom, ok2, ok])
        XCTAssertEqual(outcomes[0], .acknowledged(.applied))
        XCTAssertEqual(outcomes[1], .acknowledged(.rejected(.invalidState)))
        guard case .retry = outcomes[2] else { return XCTFail("expected a retry, got \(outcomes[2])") }
        XCTAssertEqual(outcomes[3], .acknowledged(.applied))
        XCTAssertEqual(outcomes[4], .acknowledged(.duplicate), "the same id twice in one batch applies once")
        XCTAssertEqual(try outboxCount(ok.messageID), "1")
        XCTAssertEqual(try outboxCount(ok2.messageID), "1")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE message_id = $1", ["\(refuse.messageID):n"]), "0")
        XCTAssertEqual(try outboxCount(boom.messageID), "0")
        XCTAssertNil(try h.value("SELECT 1 FROM wage.inbox WHERE consumer = 'hrss' AND message_id = $1", [boom.messageID]))
        XCTAssertEqual(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [refuse.messageID]), "invalid_state")
    }

    func testABatchIsFirstAppliedAllOrNothingAndAfterARefusalWithSavepoints() throws {
        let handler = ScriptedHandler { m, ctx in
            ctx.send(.caseNotice, ["case_id": "c", "event": "x", "notify": ["hrss"]], suffix: "n")
            return m.payload["note"]?.stringValue == "refuse" ? .reject(.invalidState) : .ack
        }
        let p = processor(handler)
        func msg(_ note: String) -> InboundMessage {
            InboundMessage(messageID: Harness.newID("aon-\(note)"), rawType: "case.progress", sender: .housing,
                           body: ["case_id": "c", "note": .string(note)], bodyBytes: Array("{}".utf8))
        }
        XCTAssertEqual(try p.process(batch: [msg("a"), msg("b"), msg("c")]), Array(repeating: .acknowledged(.applied), count: 3))
        XCTAssertEqual(handler.calls, 3, "all applied: one attempt")

        handler.calls = 0
        let first = msg("d"), refused = msg("refuse"), last = msg("e")
        XCTAssertEqual(try p.process(batch: [first, refused, last]),
                       [.acknowledged(.applied), .acknowledged(.rejected(.invalidState)), .acknowledged(.applied)])
        XCTAssertEqual(handler.calls, 2 + 3, "the all-or-nothing attempt stopped at the refusal, then each in a savepoint")
        XCTAssertEqual(try outboxCount(first.messageID), "1", "the rolled-back attempt left nothing behind")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE message_id = $1", ["\(refused.messageID):n"]), "0")

        handler.calls = 0
        XCTAssertEqual(try p.process(batch: [msg("f"), msg("refuse"), msg("g")]).count, 3)
        XCTAssertEqual(handler.calls, 3, "right after a refusal, batches go straight to savepoints")
    }

    func testFollowUpIDsStayWithinTheContractLengthAndAreStable() {
        let short = HandlerContext.followUpID(cause: "m-1", suffix: "transfer")
        XCTAssertEqual(short, "m-1:transfer")
        let long = String(repeating: "x", count: 125)
        let a = HandlerContext.followUpID(cause: long, suffix: "transfer")
        XCTAssertLessThanOrEqual(a.count, 128)
        XCTAssertTrue(a.hasSuffix(":transfer"))
        XCTAssertEqual(a, HandlerContext.followUpID(cause: long, suffix: "transfer"))
        XCTAssertNotEqual(a, HandlerContext.followUpID(cause: long + "y", suffix: "transfer"))
    }
}
