import Reports
import AMQP
import ArgumentParser
import Messages
import Workflow

/// `wagectl dead peek`: look at the messages waiting in the queue `wage.dead`
/// (admin login), without taking them: they are given back unacknowledged.
///
/// `wage.dead` has no delivery limit, so giving messages back costs nothing.
/// Every refusal is also in `wage.rejections` (`dead list`); a message the
/// broker dead-lettered at a queue's delivery limit is only here.
struct DeadPeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "peek", abstract: "Peek at the queue wage.dead (admin; messages stay in the queue).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "At most this many messages.") var limit: Int = 20

    func run() throws {
        let session = Session(identity)
        defer { session.close() }
        let url: String
        do { url = try session.env.adminAMQPURL() } catch {
            throw WageCtlError(.configuration, "WAGE_AMQP_URL_ADMIN is not set", hint: "dead peek needs the operators' broker login (stack.env)")
        }
        let consumer: AMQPConsumer
        do {
            consumer = try AMQPConsumer(url: try AMQPURL(url), queue: "wage.dead", prefetch: UInt16(max(1, min(limit, 500))), name: "wagectl-peek")
        } catch let error as AMQPError {
            throw WageCtlError(.unreachable, "cannot read wage.dead: \(error.message)", hint: "is RabbitMQ running (deploy/local/stack.sh status)?")
        }
        defer { consumer.close() }
        var seen: [AMQPDelivery] = []
        while seen.count < limit, let delivery = try consumer.next(timeout: 0.3) { seen.append(delivery) }
        if let last = seen.last { try consumer.nack(last, multiple: true, requeue: true) }
        let items: [JSONValue] = seen.map { d in
            let h = d.properties.headers
            return .compact([
                "message_id": P.s(d.properties.messageID), "type": P.s(d.properties.type),
                "reason": P.s(h["x-wage-reason"]?.stringValue ?? "(none: dead-lettered by the broker, e.g. delivery limit)"),
                "rejected_by": P.s(h["x-wage-rejected-by"]?.stringValue), "sender": P.s(h["x-wage-sender"]?.stringValue ?? d.properties.userID),
                "body": .string(TextWidth.truncate(Masking.text(String(decoding: d.body, as: UTF8.self)), to: output.json ? 4000 : 60)),
            ])
        }
        if output.json { session.console.out(JSONPretty.render(.array(items))); return }
        if items.isEmpty { session.console.out("wage.dead is empty"); return }
        for item in items {
            let o = item.objectValue ?? [:]
            session.console.out("\(o["message_id"]?.stringValue ?? "–")  \(o["type"]?.stringValue ?? "–")  from \(o["sender"]?.stringValue ?? "–")")
            session.console.out("  reason: \(o["reason"]?.stringValue ?? "–")  rejected by: \(o["rejected_by"]?.stringValue ?? "–")")
            session.console.out("  body: \(o["body"]?.stringValue ?? "")")
        }
    }
}
