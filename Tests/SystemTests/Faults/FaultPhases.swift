import Foundation
@testable import Messages
import Workflow

/// A message the run sends on purpose to be refused, with the refusal it must get.
struct IntendedRefusal {
    let message: PlannedMessage
    let reason: String
    let rejectedBy: Principal
}

/// The messages of each phase. A phase sends what people and systems would send
/// once they saw the previous phase's effects (an assignee accepts a case it was
/// given; the government decides a request it sees awaiting approval).
extension FaultPlan {
    func id(_ kind: String, _ n: Int) -> String { "\(prefix)-\(kind)-\(n)" }

    /// Providers, deposits, clue reports (some reported twice), petitions.
    func registrationPhase() -> [PlannedMessage] {
        var out: [PlannedMessage] = []
        for (k, provider) in providers.enumerated() {
            out.append(.init(sender: .justice, type: .legalaidProvider,
                             body: ["provider_id": .string(provider), "name": .string("律师 \(k)"), "active": true],
                             id: id("prov", k)))
        }
        for (k, fen) in depositsFen.enumerated() {
            out.append(.init(sender: .finance, type: .fundDeposit,
                             body: ["amount": .string(yuan(fen)), "note": "fault run budget"], id: id("dep", k)))
        }
        for c in cases {
            if let people = c.petitioners {
                out.append(.init(sender: .petitions, type: .petitionReceived, body: [
                    "petition_no": .string(c.clueRef), "petitioners": .number("\(people)"), "form": "visit",
                    "wage_related": true, "employer": .string("信访企业 \(c.n)"), "sector": .string(c.sector),
                    "amount_owed": .string(yuan(c.amountOwedFen)), "workers_count": .number("\(c.workers)"),
                    "summary": "讨薪", "location": "区信访大厅",
                ], id: id("pet", c.n)))
            } else {
                out.append(.init(sender: c.reporter, type: .clueReport, body: clueBody(c), id: id("clue", c.n)))
                if let again = c.reportedAgainBy {
                    out.append(.init(sender: again, type: .clueReport, body: clueBody(c), id: id("clue2", c.n)))
                }
            }
        }
        for (k, no) in otherPetitions.enumerated() {
            out.append(.init(sender: .petitions, type: .petitionReceived, body: [
                "petition_no": .string(no), "petitioners": 1, "form": "letter", "wage_related": false,
                "summary": "其他事项",
            ], id: id("pet-other", k)))
        }
        out += returnMessages()
        // Every tenth message is published twice with the same id (a publisher's retry).
        return out.enumerated().flatMap { i, m in i % 10 == 4 ? [m, m] : [m] }
    }

    func clueBody(_ c: PlannedCase) -> JSONValue {
        ["channel": .string(c.channel), "clue_ref": .string(c.clueRef),
         "employer": ["name": .string("故障测试公司 \(c.n)"), "credit_code": "91500000MA5U000000"],
         "project": ["name": .string("项目 \(c.n)"), "location": "金凤镇"],
         "sector": .string(c.sector), "workers_count": .number("\(c.workers)"),
         "amount_owed": .string(yuan(c.amountOwedFen)), "description": "拖欠工资",
         "reporter": ["name": "张三", "phone": "13800000000"]]
    }

    /// Accept and progress by each assignee; fund requests, legal aid, referrals.
    func workPhase(_ caseID: [Int: String]) -> [PlannedMessage] {
        var out: [PlannedMessage] = []
        for c in cases {
            let cid = JSONValue.string(caseID[c.n]!)
            out.append(.init(sender: c.assignee, type: .caseAccept, body: ["case_id": cid], id: id("acc", c.n), correlationID: caseID[c.n]))
            out.append(.init(sender: c.assignee, type: .caseProgress, body: ["case_id": cid, "note": .string("约谈 \(c.n)")],
                             id: id("prg", c.n), correlationID: caseID[c.n]))
            if let f = c.fund {
                out.append(.init(sender: .hrss, type: .fundRequest, body: [
                    "case_id": cid, "request_no": .string(f.requestNo), "amount": .string(yuan(f.amountFen)),
                    "beneficiaries": .number("\(c.workers)"), "purpose": "partial_wages", "reason": "employer_fled",
                ], id: id("freq", c.n)))
            }
            if let requester = c.legalAidBy {
                out.append(.init(sender: requester, type: .legalaidRequest, body: [
                    "application_no": .string(applicationNo(c)), "case_id": cid,
                    "applicant": ["name": "李四"], "matter": "wage_arrears",
                ], id: id("la", c.n)))
            }
            if let no = c.referralNo {
                out.append(.init(sender: .hrss, type: .referralSubmit, body: [
                    "case_id": cid, "referral_no": .string(no),
                    "suspect": ["name": .string("故障测试公司 \(c.n)"), "kind": "company"],
                    "amount_owed": .string(yuan(c.amountOwedFen)), "workers_count": .number("\(c.workers)"),
                    "order_to_pay": ["issued_on": "2026-01-05", "pay_by": "2026-01-15", "served": true],
                    "evidence": [["kind": "referral_letter", "title": "移送书"],
                                 ["kind": "investigation_report", "title": "调查报告"],
                                 ["kind": "order_to_pay", "title": "责令支付文书"],
                                 ["kind": "service_proof", "title": "送达证明"]],
                ], id: id("ref", c.n)))
            }
        }
        out.append(returnCorrection())
        return out
    }

    /// Resolutions, the government's decisions, police decisions and measures.
    func resolutionPhase(_ caseID: [Int: String]) -> [PlannedMessage] {
        var out: [PlannedMessage] = []
        for c in cases {
            out.append(.init(sender: c.assignee, type: .caseResolved, body: [
                "case_id": .string(caseID[c.n]!), "amount_paid": .string(yuan(c.amountOwedFen)),
                "workers_paid": .number("\(c.workers)"), "note": "已支付"], id: id("res", c.n), correlationID: caseID[c.n]))
            if let f = c.fund {
                out.append(.init(sender: .government, type: .fundDecision, body: [
                    "request_no": .string(f.requestNo), "decision": f.approved ? "approved" : "rejected",
                    "approver": "王区长", "note": "fault run"], id: id("fdec", c.n)))
            }
            if let no = c.referralNo {
                out.append(.init(sender: .police, type: .referralDecision, body: [
                    "referral_no": .string(no), "decision": "filed", "police_case_no": .string("P-\(c.n)")],
                    id: id("rdec", c.n)))
                out.append(.init(sender: .police, type: .referralMeasure, body: [
                    "referral_no": .string(no), "kind": "freeze_accounts", "detail": "冻结账户"], id: id("rmea", c.n)))
            }
        }
        return out
    }

    /// Closing (销号) and repayments of approved advances.
    func closingPhase(_ caseID: [Int: String]) -> [PlannedMessage] {
        var out: [PlannedMessage] = []
        for c in cases {
            out.append(.init(sender: .hrss, type: .caseClose, body: ["case_id": .string(caseID[c.n]!), "note": "销号"],
                             id: id("close", c.n), correlationID: caseID[c.n]))
            if let f = c.fund, f.approved {
                out.append(.init(sender: f.recoveredBy, type: .fundRecovered, body: [
                    "request_no": .string(f.requestNo), "amount": .string(yuan(f.recoveredFen))], id: id("frec", c.n)))
            }
        }
        return out
    }

    /// Messages sent during the run that must be refused (and only these).
    func intendedRefusals(_ caseID: [Int: String]) -> [IntendedRefusal] {
        let housingCase = cases.first { $0.assignee == .housing }!
        let first = cases[0]
        var clue = clueBody(first).objectValue!
        clue["clue_ref"] = .string("\(prefix)-never")
        clue["workers_count"] = 0
        return [
            .init(message: .init(sender: .platform, type: .clueReport, body: .object(clue), id: id("bad-schema", 0)),
                  reason: "schema:workers_count", rejectedBy: .router),
            .init(message: .init(sender: .platform, type: .caseClose, body: ["case_id": .string(caseID[first.n]!)],
                                 id: id("bad-sender", 0)), reason: "forbidden_sender", rejectedBy: .router),
            .init(message: .init(sender: .police, type: .caseAccept, body: ["case_id": .string(caseID[housingCase.n]!)],
                                 id: id("bad-assignee", 0)), reason: "not_assignee", rejectedBy: .hrss),
            .init(message: .init(sender: .hrss, type: .caseClose, body: ["case_id": .string(caseID[first.n]!)],
                                 id: id("bad-early-close", 0)), reason: "invalid_state", rejectedBy: .hrss),
            .init(message: .init(sender: .housing, type: .caseProgress,
                                 body: ["case_id": .string(UUID().uuidString.lowercased()), "note": "x"],
                                 id: id("bad-unknown-case", 0)), reason: "unknown_case", rejectedBy: .hrss),
        ]
    }
}
