import Messages

/// Names as staff say them (department short names, statuses, events, reasons).
enum Labels {
    static let departments: [String: String] = [
        "hrss": "人社局", "housing": "住建局", "police": "公安局", "petitions": "信访局", "justice": "司法局",
        "finance": "财政局", "government": "人民政府", "platform": "线索平台", "bank": "银行", "transport": "交通局",
        "water": "水利局", "agriculture": "农业农村局", "market": "市场监管局", "router": "路由",
    ]
    static let statuses: [String: String] = [
        "registered": "已登记", "transferred": "已转办", "accepted": "已受理", "returned": "已退回",
        "task_force": "专班督办", "leader_package": "领导包案", "resolved": "已办结", "closed": "已销号",
    ]
    static let risks: [String: String] = ["high": "高", "medium": "中", "low": "低"]
    static let sectors: [String: String] = [
        "construction": "工程建设", "transport": "交通", "water": "水利", "agriculture": "农业",
        "individual_business": "个体工商户", "manufacturing": "制造业", "services": "服务业", "other": "其他",
    ]
    static let dispositions: [(code: String, label: String)] = [
        ("paid", "已支付"), ("unfounded", "线索不实"), ("mediated", "调解达成协议"), ("arbitration", "仲裁"),
        ("litigation", "诉讼"), ("referred_police", "移送公安立案"), ("other_channel", "其他渠道解决"),
    ]

    static let events: [String: String] = [
        "registered": "登记", "transferred": "转办", "received": "签收", "accepted": "受理", "returned": "退回",
        "progress": "进展", "resolved": "办结", "escalated": "申请升级", "task_force": "成立专班",
        "task_force_formed": "成立专班", "leader_package": "领导包案", "leader_assigned": "确定包案领导",
        "closed": "销号", "notice": "通知",
    ]

    /// An event in Chinese, with its code (the timeline keeps the contract's codes).
    static func event(_ code: String) -> String { events[code].map { "\($0)（\(code)）" } ?? code }

    static func department(_ code: String?) -> String { code.map { departments[$0] ?? $0 } ?? "—" }
    static func status(_ code: String) -> String { statuses[code] ?? code }

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
