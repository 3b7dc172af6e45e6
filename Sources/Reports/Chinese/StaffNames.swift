/// The Chinese names of departments, statuses, risk levels, sectors and
/// dispositions as staff say them (人社局, 已转办 …). One table, shared by the
/// staff console's pages and every report printed in Chinese (`--lang zh`).
public enum StaffNames {
    /// Principal code → short department name.
    public static let departments: [String: String] = [
        "hrss": "人社局", "housing": "住建局", "police": "公安局", "petitions": "信访局", "justice": "司法局",
        "finance": "财政局", "government": "人民政府", "platform": "线索平台", "bank": "银行", "transport": "交通局",
        "water": "水利局", "agriculture": "农业农村局", "market": "市场监管局", "router": "路由",
    ]
    /// Case status code (CONTRACT §4) → name.
    public static let statuses: [String: String] = [
        "registered": "已登记", "transferred": "已转办", "accepted": "已受理", "returned": "已退回",
        "task_force": "专班督办", "leader_package": "领导包案", "resolved": "已办结", "closed": "已销号",
    ]
    /// Risk level → name.
    public static let risks: [String: String] = ["high": "高", "medium": "中", "low": "低"]
    /// Sector code → name.
    public static let sectors: [String: String] = [
        "construction": "工程建设", "transport": "交通", "water": "水利", "agriculture": "农业",
        "individual_business": "个体工商户", "manufacturing": "制造业", "services": "服务业", "other": "其他",
    ]
    /// Dispositions (CONTRACT §7.1) in the contract's order, code and name.
    public static let dispositions: [(code: String, label: String)] = [
        ("paid", "已支付"), ("unfounded", "线索不实"), ("mediated", "调解达成协议"), ("arbitration", "仲裁"),
        ("litigation", "诉讼"), ("referred_police", "移送公安立案"), ("other_channel", "其他渠道解决"),
    ]

    /// Warning kind (CONTRACT §8.6) → name.
    public static let warningKinds: [String: String] = [
        "labour_share_low": "人工费拨付比例偏低", "account_insufficient": "专用账户余额不足",
        "account_misappropriated": "专用账户资金被挪用", "no_contract": "未签订劳动合同",
        "unregistered_worker": "工资单人员未实名登记", "payroll_irregular": "工资发放不规范",
        "inspection_findings": "巡查发现问题", "contractor_blacklisted": "总包单位被列入失信名单",
        "deposit_unpaid": "工资保证金未缴纳", "deposit_not_replenished": "工资保证金未补足",
        "account_missing": "未开设工资专用账户", "statement_missing": "专用账户月度流水缺失",
        "payroll_missing": "当月工资单缺失", "inspection_overdue": "逾期未巡查", "calendar_missing_year": "缺少年度工作日历",
    ]
    /// The department's name, the code itself when unknown, `—` when none.
    public static func department(_ code: String?) -> String { code.map { departments[$0] ?? $0 } ?? "—" }
    /// The status's name, the code itself when unknown.
    public static func status(_ code: String) -> String { statuses[code] ?? code }
    /// The disposition's name, the code itself when unknown.
    public static func disposition(_ code: String) -> String { dispositions.first { $0.code == code }?.label ?? code }
}
