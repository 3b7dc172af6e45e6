import ArgumentParser
import Foundation

/// `wagectl dead replay <message-id>`: re-publish a refused message after a fix (admin).
struct DeadReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a dead-lettered message after a fix, as its original sender (operators; audited).",
        discussion: """
        The replay is published as the original sender (its AMQP login, so the broker's user_id check \
        passes) with the original type and body and a new message id <original>:replay:<n>; the refusal gets \
        replayed_at and wage.operator_audit a row. See docs/wagectl.md for why the id is new.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Argument(help: "The message_id of the refused message (wagectl dead list).") var messageID: String
    @Option(name: .customLong("rejected-by"), help: "Only the refusal by this principal (when several refused it).") var rejectedBy: String?
    @Flag(help: "Replay although it was replayed before.") var again = false
    @Flag(help: "Replay although the router would refuse it again, or other recipients applied the original.") var force = false
    @Option(help: "Seconds to wait for the router's decision on the replay.") var timeout: Double = 5
    @Option(help: "Seconds to watch for the receivers' effect after routing.") var follow: Double = 3

    func run() throws {
        let session = Session(identity)
        defer { session.close() }
        let admin = try session.adminDatabase()
        let result = try Replayer(session: session, admin: admin).replay(.init(
            messageID: messageID, rejectedBy: rejectedBy, again: again, force: force, operatorName: operatorOptions.resolved))
        session.console.err("replay #\(result.number) of \(messageID) published as \(result.sender.rawValue) with message_id \(result.draft.messageID) (audited)")
        var outcome = SendOutcome(draft: result.draft, sender: result.sender)
        let watcher = DecisionWatcher(db: admin, console: session.console)
        let started = Date()
        outcome = try watcher.awaitDecision(outcome, timeout: timeout, dutyList: nil)
        if outcome.stage == .routed, follow > 0 { outcome = try watcher.follow(outcome, timeout: follow, dutyList: nil) }
        outcome.elapsedSeconds = Date().timeIntervalSince(started)
        if output.json {
            var o = outcome.json.objectValue ?? [:]
            o["replay_of"] = .string(messageID)
            o["replay_number"] = .int(result.number)
            session.console.out(JSONPretty.render(.object(o)))
        } else {
            session.console.out("replay of \(messageID) (#\(result.number), refused before by \(result.refusals.map { "\($0.rejectedBy): \($0.reason)" }.joined(separator: "; ")))")
            for line in outcome.lines { session.console.out(line) }
        }
        if let failure = SendRunner.failure(of: outcome) { throw failure }
    }
}
