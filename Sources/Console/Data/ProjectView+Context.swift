import Messages
import Runtime

extension ProjectView {
    /// The page's context for `viewer`; `names` are the staff names of the timeline's actors.
    func context(names: [String: String], viewer: Principal) -> [String: Any] {
        var ctx = row.context
        for (key, value) in ledger { ctx[key] = value }
        ctx["investor"] = ["government": "政府投资", "state_owned": "国有资金", "private": "社会资本"][ledger["investor"] ?? ""]
            ?? ledger["investor"] ?? "—"
        ctx["payrolls"] = payrolls.map { line -> [String: Any] in
            var p: [String: Any] = line
            p["has_case"] = line["case_id"] != nil
            p["unpaid_positive"] = (line["unpaid"].flatMap(Double.init) ?? 0) > 0
            return p
        }
        ctx["warnings"] = warnings.map(\.context)
        ctx["timeline"] = timeline.map { e -> [String: Any] in
            ["seq": e.seq, "at": e.at, "department": Labels.department(e.department), "event": ProjectLabels.event(e.event),
             "actor": e.actor.map { login in names[login].map { "\($0)（\(login)）" } ?? login } ?? "—",
             "detail": viewer == .hrss ? e.detail : PersonalDataMasking.mask(e.detail)]
        }
        ctx["roster_count"] = rosterCount
        ctx["without_contract"] = withoutContract
        ctx["employers"] = employers.map { ["name": $0.name, "workers": $0.workers] }
        ctx["roster"] = roster
        ctx["roster_names"] = viewer == .hrss
        ctx["roster_more"] = viewer == .hrss && rosterCount > roster.count
        ctx["checks"] = ProjectLabels.checks.map { ["code": $0.code, "label": $0.label] }
        return ctx
    }
}
