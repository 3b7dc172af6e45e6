import Messages
import Store

/// One row of `wage.project_overview` (CONTRACT §8.7) as the project list shows it.
struct ProjectRow: Sendable {
    let projectNo, name, sector, regulator, contractor, contractAmount, status: String
    let depositRequired, depositBalance, depositStatus, accountStatus: String
    let permitIssuedOn: String
    let lastPayrollMonth: String?
    let rosterSize, openWarnings: Int

    /// The columns read, as text.
    static let columns = """
        project_no, name, sector, regulator, contractor_name, contract_amount::text AS contract_amount, status, \
        deposit_required::text AS deposit_required, deposit_balance::text AS deposit_balance, deposit_status, \
        account_status, permit_issued_on::text AS permit_issued_on, last_payroll_month, roster_size, open_warnings
        """

    init(_ row: PGRow) throws {
        projectNo = try row.string("project_no")
        name = try row.string("name")
        sector = try row.string("sector")
        regulator = try row.string("regulator")
        contractor = try row.string("contractor_name")
        contractAmount = try row.string("contract_amount")
        status = try row.string("status")
        depositRequired = try row.string("deposit_required")
        depositBalance = try row.string("deposit_balance")
        depositStatus = try row.string("deposit_status")
        accountStatus = try row.string("account_status")
        permitIssuedOn = try row.string("permit_issued_on")
        lastPayrollMonth = try row.optionalString("last_payroll_month")
        rosterSize = try row.int("roster_size")
        openWarnings = try row.int("open_warnings")
    }

    /// Whether `department` may see the project: the office (hrss) every project,
    /// a regulator its own (§8: the sector's department).
    func visible(to department: Principal) -> Bool { department == .hrss || regulator == department.rawValue }

    var context: [String: Any] {
        ["project_no": projectNo, "no_url": Paging.query([("no", projectNo)]), "name": name, "sector": Labels.sectors[sector] ?? sector,
         "regulator": Labels.department(regulator), "contractor": contractor, "contract_amount": contractAmount,
         "status": ProjectLabels.label(ProjectLabels.projectStatuses, status),
         "deposit_required": depositRequired, "deposit_balance": depositBalance,
         "deposit_status": ProjectLabels.label(ProjectLabels.depositStatuses, depositStatus),
         "deposit_short": depositStatus == "due" || depositStatus == "drawn",
         "account_status": ProjectLabels.label(ProjectLabels.accountStatuses, accountStatus),
         "permit_issued_on": permitIssuedOn, "last_payroll_month": lastPayrollMonth ?? "—",
         "roster_size": rosterSize, "open_warnings": openWarnings]
    }

    /// The CSV columns, in the order of `csvRow`.
    static let csvHeader = ["项目编号", "项目名称", "行业", "行业主管部门", "施工总承包单位", "合同金额（元）", "状态",
                            "应缴保证金（元）", "保证金余额（元）", "保证金状态", "专用账户", "施工许可日期",
                            "最近工资单月份", "实名登记人数", "未解除预警"]

    var csvRow: [String] {
        [projectNo, name, Labels.sectors[sector] ?? sector, Labels.department(regulator), contractor, contractAmount,
         ProjectLabels.label(ProjectLabels.projectStatuses, status), depositRequired, depositBalance,
         ProjectLabels.label(ProjectLabels.depositStatuses, depositStatus),
         ProjectLabels.label(ProjectLabels.accountStatuses, accountStatus), permitIssuedOn, lastPayrollMonth ?? "",
         String(rosterSize), String(openWarnings)]
    }
}
