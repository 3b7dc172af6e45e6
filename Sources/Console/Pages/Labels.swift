import Messages
import Reports

/// Names as staff say them: departments, statuses, risks, sectors and dispositions
/// come from `StaffNames` (Reports, shared with the reports in Chinese); events and
/// refusal reasons are the console's own.
enum Labels {
    static let departments = StaffNames.departments
    static let statuses = StaffNames.statuses
    static let risks = StaffNames.risks
    static let sectors = StaffNames.sectors
    static let dispositions = StaffNames.dispositions

    static let events: [String: String] = [
        "registered": "登记", "transferred": "转办", "received": "签收", "accepted": "受理", "returned": "退回",
        "progress": "进展", "resolved": "办结", "escalated": "申请升级", "task_force": "成立专班",
        "task_force_formed": "成立专班", "leader_package": "领导包案", "leader_assigned": "确定包案领导",
        "closed": "销号", "notice": "通知",
    ]

    /// An event in Chinese, with its code (the timeline keeps the contract's codes).
    static func event(_ code: String) -> String { events[code].map { "\($0)（\(code)）" } ?? code }

    static func department(_ code: String?) -> String { StaffNames.department(code) }
    static func status(_ code: String) -> String { StaffNames.status(code) }

    /// A refusal reason in Chinese (CONTRACT §5 codes).
    static func reason(_ code: String) -> String {
        if code.hasPrefix("schema:") { return "字段「\(code.dropFirst(7))」缺失或格式不正确（\(code)）" }
        if code.hasPrefix("missing_property:") { return "消息属性缺失（\(code)）" }
        let known: [String: String] = [
            "not_assignee": "本部门不是该案件的承办部门", "invalid_state": "案件当前状态不允许此操作",
            "unknown_case": "案件不存在", "forbidden_sender": "本部门无权发送此类消息",
            "forbidden_recipient": "接收部门不符合职责清单", "unknown_type": "未知的消息类型",
            "invalid_json": "消息内容不是有效的 JSON", "too_large": "消息过大", "unknown_project": "项目不存在",
        ]
        return (known[code] ?? "被拒绝") + "（\(code)）"
    }
}
