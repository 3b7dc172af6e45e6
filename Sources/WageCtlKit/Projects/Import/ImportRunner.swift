import Foundation
import Messages
import Workflow

/// The shared body of `roster import` and `payroll import`: read, plan, report the
/// refused rows, then check-only (`--dry-run`) or send.
struct ImportRunner {
    let file: String
    let identity: IdentityOptions
    let json: Bool
    let options: ImportOptions
    let type: MessageType
    let appliedIn: String
    let columns: [String]
    let required: [String]
    let plan: (CSVTable, Day) -> ImportPlan
    var console: Console = .current

    /// Who sends when `--as` does not say: the real-name and payroll platform (§7.6).
    static let defaultSender = Principal.platform

    func run() throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw WageCtlError(.usage, "cannot read \(file) as UTF-8 text", hint: "give the path of a CSV file")
        }
        let table: CSVTable
        do {
            let parsed = try CSVTable.parse(text, required: required, known: columns)
            table = parsed.table
            if !parsed.ignored.isEmpty { console.err("note: ignoring the columns \(parsed.ignored.joined(separator: ", "))") }
        } catch {
            throw WageCtlError(.usage, "\(file): \(error)", hint: "the header row is: \(columns.joined(separator: ","))")
        }
        let planned = plan(table, Day(shanghai: Date()))
        var result = ImportSender.Result()
        var sender: Principal?
        if !options.dryRun, !planned.batches.isEmpty {
            let session = Session(identity, console: console)
            defer { session.close() }
            let who = try session.principal(default: Self.defaultSender)
            sender = who
            result = try ImportSender(session: session, sender: who, options: options, appliedIn: appliedIn).send(planned.batches)
        }
        let refusals = (planned.refusals + result.refusals).sorted { ($0.lines.first ?? 0) < ($1.lines.first ?? 0) }
        for refusal in refusals { console.err("refused " + refusal.text) }
        report(planned, result, refusals: refusals, sender: sender)
        if !result.refusals.isEmpty {
            throw WageCtlError(.refused, "\(result.refusals.count) message(s) refused", alreadyReported: true)
        }
        if !result.undecided.isEmpty {
            throw WageCtlError(.timeout, "no routing decision in time for \(result.undecided.count) message(s)", alreadyReported: true)
        }
        if !planned.refusals.isEmpty {
            throw WageCtlError(.refusedLocally, "\(planned.refusals.count) row(s) or group(s) refused", alreadyReported: true)
        }
    }

    private func outcome(_ batch: ImportBatch, _ result: ImportSender.Result) -> String {
        if options.dryRun { return "dry_run" }
        if result.refused.contains(batch.messageID) { return "refused" }
        if result.applied.contains(batch.messageID) { return "applied" }
        if result.routed.contains(batch.messageID) { return "routed" }
        return result.undecided.contains(batch.messageID) ? "no_decision" : "not_sent"
    }

    private func report(_ plan: ImportPlan, _ result: ImportSender.Result, refusals: [ImportRefusal], sender: Principal?) {
        if json {
            console.out(JSONPretty.render([
                "file": .string(file), "type": .string(type.rawValue), "dry_run": .bool(options.dryRun),
                "sender": sender.map { .string($0.rawValue) } ?? .null, "rows": .int(plan.rows),
                "messages": .array(plan.batches.map { b in
                    ["message_id": .string(b.messageID), "label": .string(b.label), "rows": .int(b.lines.count),
                     "lines": .string(ImportRefusal.ranges(b.lines)), "outcome": .string(outcome(b, result))]
                }),
                "refused": .array(refusals.map(\.json)),
            ]))
            return
        }
        let verb = options.dryRun ? "checked, nothing sent (--dry-run)" : "sent as \(sender?.rawValue ?? "–")"
        console.out("\(file): \(plan.rows) rows → \(plan.batches.count) \(type.rawValue) message(s) with \(plan.sentLines) rows, "
            + "\(verb); \(refusals.count) refused")
        for b in plan.batches {
            console.out("  \(outcome(b, result))  \(b.messageID)  \(b.label)  lines \(ImportRefusal.ranges(b.lines))")
        }
    }
}
