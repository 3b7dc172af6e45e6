import Reports

/// Names of the project pages as staff say them (CONTRACT §8).
enum ProjectLabels {
    /// The regulators of construction projects (§8: sector → department).
    static let regulators = ["housing", "transport", "water", "agriculture"]
    static let projectStatuses: [String: String] = ["active": "在建", "completed": "已完工"]
    static let depositStatuses: [String: String] = [
        "released": "已退还", "exempt": "免缴", "drawn": "已动用待补足", "paid": "已足额缴纳", "due": "未足额缴纳",
    ]
    static let accountStatuses: [String: String] = ["none": "未开设", "opened": "已开设"]
    static let warningKinds = StaffNames.warningKinds
    static let events: [String: String] = [
        "registered": "项目登记", "completed": "项目完工", "deposit_paid": "缴纳保证金", "deposit_drawn": "动用保证金",
        "deposit_released": "退还保证金", "account_opened": "专用账户备案", "account_funded": "人工费拨付",
        "account_alert": "专用账户预警", "account_statement": "账户月度流水", "roster_enrolled": "实名登记",
        "payroll_submitted": "报送工资单", "inspection_recorded": "巡查", "case_opened": "生成案件",
        "warning_raised": "发出预警", "warning_cleared": "预警解除",
        "project.register": "项目登记", "project.completed": "项目完工", "deposit.drawn": "动用保证金",
        "deposit.released": "退还保证金", "account.opened": "专用账户备案", "account.funded": "人工费拨付",
        "account.alert": "专用账户预警", "inspection.recorded": "巡查",
    ]
    /// The checks of an inspection (§8.1 `checks`), in the catalogue's order.
    static let checks: [(code: String, label: String)] = [
        ("real_name", "实名制管理"), ("wage_clerk", "劳资专管员"), ("notice_board", "维权信息告示牌"),
        ("special_account", "工资专用账户"), ("payroll", "按月足额发放工资"),
    ]

    static func label(_ table: [String: String], _ code: String?) -> String {
        guard let code else { return "—" }
        return table[code] ?? code
    }

    /// A project event in Chinese, with its code.
    static func event(_ code: String) -> String { events[code].map { "\($0)（\(code)）" } ?? code }

    /// A worker's name masked (张三 → 张*, 欧阳小明 → 欧***): the roster's names are
    /// hrss-only personal data, and even hrss sees them masked on lists.
    static func maskName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }
}
