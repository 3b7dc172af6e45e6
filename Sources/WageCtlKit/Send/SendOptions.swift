import ArgumentParser

/// Options every sending command shares.
struct SendOptions: ParsableArguments {
    @Option(name: .customLong("message-id"), help: "The message_id (default: a new wagectl-<uuid>). Resending with the same id has its effect once.")
    var messageID: String?

    @Option(name: .customLong("correlation-id"), help: "The correlation_id (default: the case id when there is one).")
    var correlationID: String?

    @Option(name: .long, help: "Seconds to wait for the router's decision.")
    var timeout: Double = 5

    @Option(name: .long, help: "Seconds to watch for the receivers' effect or refusal after routing (0: do not watch).")
    var follow: Double = 3

    @Flag(name: .customLong("dry-run"), help: "Check the message as the router would, print it, and do not send it.")
    var dryRun = false

    @Option(name: .customLong("actor"),
            help: "The login of the person acting, sent as header x-wage-actor (default $WAGE_ACTOR, else the login name).")
    var actor: String?

    init() {}

    var waits: MessageSender.Waits { .init(decision: max(0, timeout), follow: max(0, follow)) }

    /// The headers every message of a staff tool carries (CONTRACT §7.9).
    var headers: [String: String] { ActorHeader.headers(actor) }
}
