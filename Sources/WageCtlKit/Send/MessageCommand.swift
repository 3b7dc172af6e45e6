import ArgumentParser
import Messages
import Workflow

/// A subcommand that sends one message type of CONTRACT §3 with named options.
protocol MessageCommand: ParsableCommand {
    static var messageType: MessageType { get }
    /// Whom the command sends as when neither `--as` nor `WAGE_PRINCIPAL` says
    /// (the one system that sends this type, e.g. `bank`); `nil`: it must be said.
    static var defaultSender: Principal? { get }
    var identity: IdentityOptions { get }
    var output: OutputOptions { get }
    var sending: SendOptions { get }
    /// The payload built from the options.
    func payload(_ context: PayloadContext) throws -> JSONValue
}

extension MessageCommand {
    static var defaultSender: Principal? { nil }

    func run() throws {
        try SendRunner.run(type: Self.messageType.rawValue, identity: identity, json: output.json,
                           sending: sending, defaultSender: Self.defaultSender, payload: payload)
    }
}

/// The shared body of every sending command.
enum SendRunner {
    static func run(type: String, identity: IdentityOptions, json: Bool, sending: SendOptions,
                    defaultSender: Principal? = nil, payload: (PayloadContext) throws -> JSONValue) throws {
        let session = Session(identity)
        defer { session.close() }
        session.defaultIdentity = defaultSender.map(Identity.principal)
        let sender = try session.principal()
        let messageSender = MessageSender(session: session)
        let dutyList = try messageSender.dutyListInForce(for: sender)
        // The router's first checks (type, sender) come before the payload's (§7.8).
        try messageSender.checkSender(type: type, as: sender, dutyList: dutyList)
        let context = PayloadContext(session: session)
        let body: JSONValue
        do {
            body = try payload(context)
        } catch let option as UnparsableOption {
            throw messageSender.refusal(.schema(option.path), type: type, as: sender,
                                        body: option.text.map {
                                            FieldAssignments.set(.string($0), at: option.path.split(separator: ".").map(String.init),
                                                                 in: .object([:]))
                                        } ?? .object([:]),
                                        dutyList: dutyList)
        }
        let draft = Draft(type: type, body: body, messageID: sending.messageID ?? MessageSender.newMessageID(),
                          correlationID: sending.correlationID ?? context.caseID, headers: sending.headers)
        let outcome = try messageSender.send(draft, as: sender, waits: sending.waits, dryRun: sending.dryRun,
                                             dutyList: dutyList)
        report(outcome, json: json, console: session.console)
        if let failure = failure(of: outcome) { throw failure }
    }

    /// Prints `outcome`; throws (already reported) when it was refused or undecided.
    static func report(_ outcome: SendOutcome, json: Bool, console: Console) {
        if json {
            console.out(JSONPretty.render(outcome.json))
        } else {
            for line in outcome.lines { console.out(line) }
        }
    }

    /// The error that sets the exit status for a refused or undecided message.
    static func failure(of outcome: SendOutcome) -> WageCtlError? {
        switch outcome.stage {
        case .refusedByRouter, .refusedByWorker:
            return WageCtlError(.refused, "refused: \(outcome.reason ?? "?")", alreadyReported: true)
        case .noDecision:
            return WageCtlError(.timeout, "no routing decision in time", alreadyReported: true)
        case .routed, .dryRun:
            return nil
        }
    }
}
