import ArgumentParser
import Store

/// `wagectl dead list`: dead-lettered messages with their reasons (wage.rejections).
struct DeadListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Refused (dead-lettered) messages and why (wage.rejections).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Include messages already replayed.") var all = false
    @Option(help: "Only this reason (e.g. not_assignee, or a prefix like schema:).") var reason: String?
    @Option(name: .customLong("rejected-by"), help: "Only refusals by this principal (router or a worker).") var rejectedBy: String?
    @Option(help: "Only this sender.") var sender: String?
    @Option(help: "Only since this day (YYYY-MM-DD, Asia/Shanghai).") var since: String?
    @Option(help: "At most this many rows, newest first.") var limit: Int = 50

    static let columns = [
        Column("at", nil, .instant), Column("message_id", "message id", maxWidth: 48), Column("type"), Column("sender"),
        Column("reason"), Column("rejected_by", "rejected by"), Column("replayed_at", "replayed", .instant),
    ]

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            if !all { filter.add("replayed_at IS NULL") }
            if let reason {
                let p = filter.param(reason)
                filter.add("(reason = \(p) OR (right(\(p), 1) = ':' AND starts_with(reason, \(p))))")
            }
            if let rejectedBy { filter.add("rejected_by = $?", rejectedBy) }
            if let sender { filter.add("sender = $?", sender) }
            if let since { filter.add("at >= ($?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'", since) }
            let rows = try db.execute(
                "SELECT at, message_id, type, sender, reason, rejected_by, replayed_at FROM wage.rejections\(filter.whereClause) ORDER BY at DESC, id DESC LIMIT \(max(1, limit))",
                filter.params).rows
            RowSet(columns: Self.columns, rows: rows).print(to: session.console, json: output.json, empty: "no refused messages")
        }
    }
}

/// `wagectl routing log`: the router's decisions (wage.routing_log).
struct RoutingLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The router's decisions with the duty-list version (wage.routing_log).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this message type.") var type: String?
    @Option(help: "Only this sender.") var sender: String?
    @Option(help: "Only messages delivered to this principal.") var recipient: String?
    @Option(name: .customLong("message-id"), help: "Only this message (and its follow-ups <id>:…).") var messageID: String?
    @Option(help: "At most this many rows, newest first.") var limit: Int = 50

    static let columns = [
        Column("at", nil, .instant), Column("message_id", "message id", maxWidth: 48), Column("type"), Column("sender"),
        Column("recipients", nil, .textArray), Column("duty_list_version", "duty list"), Column("correlation_id", "correlation", maxWidth: 36),
    ]

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            if let type { filter.add("type = $?", type) }
            if let sender { filter.add("sender = $?", sender) }
            if let recipient { filter.add("$? = ANY(recipients)", recipient) }
            if let messageID {
                let p = filter.param(messageID)
                filter.add("(message_id = \(p) OR starts_with(message_id, \(p) || ':'))")
            }
            let rows = try db.execute(
                "SELECT at, message_id, type, sender, recipients, duty_list_version, correlation_id FROM wage.routing_log\(filter.whereClause) ORDER BY at DESC LIMIT \(max(1, limit))",
                filter.params).rows
            RowSet(columns: Self.columns, rows: rows).print(to: session.console, json: output.json, empty: "no routing decisions")
        }
    }
}
