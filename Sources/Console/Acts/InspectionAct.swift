import Messages

/// The regulator's (or the office's) act on a project page: 记录巡查
/// (`inspection.recorded`, CONTRACT §8.1/§8.5), built with the catalogue's type.
enum InspectionAct {
    /// The message type it sends.
    static let type = MessageType.inspectionRecorded.rawValue
    /// Its effect: the office (hrss) applied it, so its event is on the project timeline.
    static let effect = "SELECT 1 FROM wage.project_events WHERE message_id = $1 AND department = 'hrss' LIMIT 1"

    /// The payload from the form: `inspected_on` (YYYY-MM-DD), one checkbox per check
    /// (checked = found in place), `workers_sampled`, `findings`.
    static func payload(_ form: Form, projectNo: String) -> Result<JSONValue, RejectionReason> {
        guard let day = Day(iso: form["inspected_on"] ?? "") else { return .failure(.schema("inspected_on")) }
        func checked(_ key: String) -> Bool { form[key] == "on" || form[key] == "1" }
        let checks = InspectionChecks(realName: checked("real_name"), wageClerk: checked("wage_clerk"),
                                      noticeBoard: checked("notice_board"), specialAccount: checked("special_account"),
                                      payroll: checked("payroll"))
        var sampled: Int?
        if let given = form["workers_sampled"], !given.isEmpty {
            guard let n = Int(given), n >= 0 else { return .failure(.schema("workers_sampled")) }
            sampled = n
        }
        let findings = form["findings"].flatMap { $0.isEmpty ? nil : $0 }
        return .success(InspectionRecorded(projectNo: projectNo, inspectedOn: day, checks: checks,
                                           workersSampled: sampled, findings: findings).json)
    }
}
