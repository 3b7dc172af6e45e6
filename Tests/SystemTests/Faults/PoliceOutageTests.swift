import Departments
import Duties
import Foundation
@testable import Messages
import Workflow
import XCTest

/// While worker-police is down, worker-hrss must keep up: a referral decision or
/// measure waits (inside hrss's transaction) for police's verdict for up to 2 s
/// and then hrss judges alone. Waiting again for every such message stalled the
/// whole office queue: 10 decisions held 50 clue reports behind them for 20 s.
final class PoliceOutageTests: XCTestCase {
    func testTheOfficeKeepsUpWhilePoliceIsDown() async throws {
        let tag = faultRunTag()
        let decisions = 10
        var referrals: [String] = []
        do {  // Referrals under review, with police running.
            let h = try Harness()
            try h.purgeQueues()
            try h.startRouter()
            try h.startOffice()
            try h.startWorker(.police) { Workers.police() }
            for i in 0..<decisions {
                let caseID = try h.reportClue("outage-\(tag)-\(i)")
                var body = SamplePayloads.valid(for: .referralSubmit).objectValue!
                body["case_id"] = .string(caseID)
                body["referral_no"] = .string("outage-\(tag)-R\(i)")
                try h.publish(as: .hrss, "referral.submit", .object(body), id: "outage-\(tag)-submit-\(i)")
                referrals.append("outage-\(tag)-R\(i)")
            }
            try h.waitUntil("referrals under review", timeout: 30) {
                try h.value("SELECT count(*) FROM wage.referral_overview WHERE referral_no LIKE $1 AND status = 'under_review'",
                            ["outage-\(tag)-R%"]) == "\(decisions)"
            }
            await h.shutdown()
        }
        // Police is down: only the router and the office run.
        let h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice()
        let start = Date()
        for r in referrals {
            try h.publish(as: .police, "referral.decision", ["referral_no": .string(r), "decision": "filed", "police_case_no": "P-1"], id: "\(r)-decision")
        }
        for i in 0..<50 { try h.publish(as: .platform, "clue.report", Harness.clue("outage-\(tag)-after-\(i)"), id: "outage-\(tag)-after-\(i)") }
        try h.waitUntil("the clues behind the decisions applied", timeout: 60) {
            try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1", ["outage-\(tag)-after-%"]) == "50"
        }
        let seconds = Date().timeIntervalSince(start)
        print("POLICE OUTAGE: \(decisions) referral decisions while police is down, then 50 clues: all applied after \(String(format: "%.1f", seconds)) s")
        XCTAssertLessThan(seconds, 8, "the office waited for police on every decision")
        // hrss judged the decisions alone: recorded on the timelines.
        XCTAssertEqual(try h.value("""
            SELECT count(*) FROM wage.case_timeline t JOIN wage.referral_overview r ON r.case_id = t.case_id
            WHERE r.referral_no LIKE $1 AND t.event = 'referral_decision' AND t.department = 'hrss'
            """, ["outage-\(tag)-R%"]), "\(decisions)")
        await h.shutdown()
    }
}
