import Workflow

/// Valid example payloads, one per message type, for tests, integration tests and
/// benchmarks. Each passes `MessageSchemas.validate` and routes when sent by
/// `SamplePayloads.sender(for:)` under the shipped duty list.
public enum SamplePayloads {
    /// A valid payload of `type` (all required fields, a few optional ones).
    public static func valid(for type: MessageType) -> JSONValue {
        switch type {
        case .clueReport:
            return ["channel": "hotline", "clue_ref": "HL-2026-0001",
                    "employer": ["name": "某建筑劳务有限公司", "credit_code": "91500000MA5U000000"],
                    "project": ["name": "金凤镇安置房二期", "location": "金凤镇"], "sector": "construction",
                    "workers_count": 12, "amount_owed": "125000.00", "description": "春节前拖欠工资",
                    "reporter": ["name": "张三", "phone": "13800000000"]]
        case .caseTransfer: return ["case_id": "C-0001", "sector": "construction", "to": "housing", "note": "转办"]
        case .caseAccept: return ["case_id": "C-0001"]
        case .caseReturn: return ["case_id": "C-0001", "reason": "not our duty"]
        case .caseProgress: return ["case_id": "C-0001", "note": "约谈企业负责人"]
        case .caseResolved:
            return ["case_id": "C-0001", "amount_paid": "125000.00", "workers_paid": 12, "note": "已足额支付"]
        case .caseEscalate: return ["case_id": "C-0001", "reason": "cannot resolve alone"]
        case .caseClose: return ["case_id": "C-0001", "note": "销号"]
        case .caseAssignLeader: return ["case_id": "C-0001", "leader": "李副区长", "leader_department": "government"]
        case .caseNotice:
            return ["case_id": "C-0001", "event": "task_force_formed", "notify": ["housing", "police"],
                    "detail": ["due_on": "2026-03-16"]]
        case .officeSweep: return ["as_of": "2026-03-02"]
        case .referralSubmit:
            return ["case_id": "C-0001", "referral_no": "R-0001",
                    "suspect": ["name": "某建筑劳务有限公司", "kind": "company"],
                    "amount_owed": "125000.00", "workers_count": 12,
                    "order_to_pay": ["issued_on": "2026-01-05", "pay_by": "2026-01-15", "served": true],
                    "evidence": [["kind": "referral_letter", "title": "移送书"],
                                 ["kind": "investigation_report", "title": "调查报告"],
                                 ["kind": "order_to_pay", "title": "责令支付文书"],
                                 ["kind": "service_proof", "title": "送达证明"]]]
        case .referralReceipt: return ["referral_no": "R-0001", "status": "incomplete", "missing": ["service_proof"]]
        case .referralDecision: return ["referral_no": "R-0001", "decision": "filed", "police_case_no": "P-2026-01"]
        case .referralReconsider: return ["referral_no": "R-0001", "reason": "new evidence"]
        case .referralMeasure: return ["referral_no": "R-0001", "kind": "freeze_accounts", "detail": "冻结账户"]
        case .fundDeposit: return ["amount": "500000.00", "note": "2026 budget"]
        case .fundRequest:
            return ["case_id": "C-0001", "request_no": "F-0001", "amount": "50000.00", "beneficiaries": 12,
                    "purpose": "partial_wages", "reason": "employer_fled"]
        case .fundDecision: return ["request_no": "F-0001", "decision": "approved", "approver": "王区长"]
        case .fundDisbursed: return ["request_no": "F-0001", "amount": "50000.00"]
        case .fundRejected: return ["request_no": "F-0001", "amount": "50000.00", "reason": "insufficient_fund"]
        case .fundRecovered: return ["request_no": "F-0001", "amount": "20000.00"]
        case .fundWriteoff: return ["request_no": "F-0001", "approver": "王区长", "reason": "employer insolvent"]
        case .legalaidRequest:
            return ["application_no": "LA-0001", "case_id": "C-0001", "applicant": ["name": "张三"],
                    "matter": "wage_arrears"]
        case .legalaidProvider: return ["provider_id": "LAW-01", "name": "某律师事务所", "active": true]
        case .legalaidDecision: return ["application_no": "LA-0001", "decision": "approved"]
        case .legalaidAssigned:
            return ["application_no": "LA-0001", "to": "hrss", "provider_id": "LAW-01", "provider_name": "某律师事务所"]
        case .petitionReceived:
            return ["petition_no": "XF-0001", "petitioners": 6, "form": "visit", "wage_related": true,
                    "employer": "某建筑劳务有限公司", "sector": "construction", "amount_owed": "80000.00",
                    "workers_count": 6, "summary": "集体上访讨薪"]
        case .incidentAlert: return ["petition_no": "XF-0001", "people": 6, "location": "区信访大厅"]
        case .messageRejected:
            return ["original_message_id": "m-0001", "original_type": "case.accept", "reason": "not_assignee",
                    "original_sender": "police", "original_body": "{\"case_id\":\"C-0001\"}"]
        }
    }

    /// A principal allowed to send `type` under the shipped duty list (2026-1).
    public static func sender(for type: MessageType) -> Principal {
        switch type {
        case .clueReport: return .platform
        case .caseAccept, .caseReturn, .caseProgress, .caseResolved, .caseEscalate: return .housing
        case .referralReceipt, .referralDecision, .referralMeasure, .messageRejected: return .police
        case .fundDeposit, .fundDisbursed, .fundRejected, .fundRecovered: return .finance
        case .fundDecision, .fundWriteoff: return .government
        case .legalaidProvider, .legalaidDecision, .legalaidAssigned: return .justice
        case .petitionReceived, .incidentAlert: return .petitions
        default: return .hrss
        }
    }
}
