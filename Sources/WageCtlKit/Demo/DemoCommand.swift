import ArgumentParser
import Foundation
import Messages
import Workflow

/// `wagectl demo`: drives a realistic scenario through the running system
/// (router and every worker as processes) and prints each case's timeline.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Drive a realistic scenario through the running system and print each case's timeline.",
        discussion: """
        Needs wage-router and every worker running (deploy/local/run.sh start). Each step sends one message \
        as a department and waits for its effect; a step that does not happen stops the demo, saying what \
        was expected and which worker to look at (exit 5, or 4 when something was refused).
        """)
    @OptionGroup var identity: IdentityOptions
    @Option(help: "Seconds to wait for each step.") var timeout: Double = 20
    @Option(help: "A tag for this run's references (default: from the clock).") var tag: String?
    @Flag(help: "Do not print the timelines at the end.") var quiet = false

    func run() throws {
        let session = Session(identity)
        defer { session.close() }
        let runTag = tag ?? String(Int(Date().timeIntervalSince1970) % 100_000_000, radix: 36).uppercased()
        session.console.out("demo \(runTag): a construction clue through the running system (\(DemoScenario.steps) steps, up to \(Int(timeout)) s each)")
        let driver = try DemoDriver(session: session, timeout: timeout, total: DemoScenario.steps)
        let cases = try DemoScenario(driver: driver, tag: runTag, today: Day(shanghai: Date())).run()
        session.console.out("demo \(runTag): every step happened")
        guard !quiet else { return }
        var common = ["--as", "hrss"]
        if let env = identity.stackEnv { common += ["--stack-env", env] }
        for caseNo in cases {
            session.console.out("\n== case \(caseNo) ==")
            let show = try CaseShowCommand.parse(common + [caseNo])
            try show.run()
        }
    }
}
