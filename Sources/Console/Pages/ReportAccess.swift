import Messages

/// Who may read the monthly report in the console (issue 20). The report reads
/// the contract views with the person's department's own role: hrss (the office
/// that compiles it, CONTRACT §4) reads every one of them; the government reads
/// the case and fund views (its approver decides fund requests, `fund_overview`
/// / `fund_balance` / `fund_movements` are granted to it) and sees the other
/// sections as not visible. Every other department is refused: the report is
/// the office's statistics across all departments, not a department's own list.
enum ReportAccess {
    /// Whether `member` may open 月度报表.
    static func allows(_ member: StaffMember) -> Bool {
        allows(department: member.department, roles: member.roles)
    }

    /// Any hrss staff member; a government staff member with the role `approver`.
    static func allows(department: Principal, roles: [String]) -> Bool {
        switch department {
        case .hrss: return true
        case .government: return roles.contains("approver")
        default: return false
        }
    }
}
