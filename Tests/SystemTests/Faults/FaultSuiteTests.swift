import AMQP
import Duties
import Foundation
import Router
import Runtime
@testable import Messages
import Workflow
import XCTest

/// Issue 9 §1: the whole system as processes (router + ten workers, as
/// `deploy/local/run.sh` runs them), thousands of messages of every kind, while
/// processes are killed with -9 and restarted and RabbitMQ and PostgreSQL are
/// restarted. Afterwards every message had its effect exactly once, none is lost,
/// and the only dead letters are the ones meant to be refused.
///
/// Size: `WAGE_FAULT_MESSAGES` (at least this many sent by the test, default 2400;
/// waves go on while faults are being injected; follow-ups come on top),
/// `WAGE_FAULT_KILLS` kills per process (default 2), `WAGE_FAULT_RESTARTS`
/// restarts of each server (default 2). The processes are the build's executables
/// (`swift build --build-tests` builds them, as `deploy/local/test.sh` does; a
/// plain `swift test` may leave them stale), logging to `<stack dir>/faults-<run>/`.
final class FaultSuiteTests: XCTestCase {
    func testEveryMessageTakesEffectExactlyOnceThroughKillsAndServerRestarts() throws {
        let started = Date()
        let settings = ProcessInfo.processInfo.environment
        let stack = try FaultStack()
        let tag = "flt-\(faultRunTag())"
        let minimumCases = (Int(settings["WAGE_FAULT_MESSAGES"] ?? "") ?? 2400) * 2 / 13
        let waveSize = 48
        var environment = settings
        environment["WAGE_STACK_ENV"] = stack.envFile
        let env = StackEnvironment.load(environment: environment)
        try prepareCleanStart()

        let fleet = try ServiceFleet(stack: stack, logDir: "\(stack.localDir)/faults-\(tag)")
        try fleet.startAll()
        defer { fleet.stopAll() }
        let restarts = Int(settings["WAGE_FAULT_RESTARTS"] ?? "") ?? 2
        let monkey = ChaosMonkey(fleet: fleet, stack: stack, killsPerProcess: Int(settings["WAGE_FAULT_KILLS"] ?? "") ?? 2,
                                 brokerRestarts: restarts, databaseRestarts: restarts, gap: 0.5...2.0)
        let db = try ResilientAdmin(env: env)
        defer { db.close() }
        let publisher = ReliablePublisher(env: env)
        defer { publisher.close() }

        // Waves of cases overlap; new waves start until the fault schedule is done
        // and at least the requested number of messages was sent.
        monkey.start()
        var waves: [FaultWave] = []
        var failures: [String] = []
        let end = Date().addingTimeInterval(900)
        while Date() < end {
            let wantMore = waves.count * waveSize < minimumCases || !monkey.scheduleDone
            if waves.last.map({ $0.phase >= 2 }) ?? true, wantMore, waves.count < 60 {
                waves.append(FaultWave(plan: FaultPlan(prefix: "\(tag)-w\(waves.count)", count: waveSize), db: db))
            }
            for wave in waves { try wave.advance(publisher) }
            failures = waves.compactMap(\.failure)
            if !failures.isEmpty || (!wantMore && waves.allSatisfy(\.finished)) { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let loadSeconds = Date().timeIntervalSince(started)
        if !monkey.waitForSchedule(timeout: 120) { failures.append("the fault schedule did not finish") }
        monkey.stop()
        let all = FaultPlan(prefix: tag, count: 0)
        if try FaultProgress.wait(120, FaultProgress(plan: all, db: db).inFlight) > 0 {
            failures.append("messages still in flight after 120 s")
        }
        let refusals = waves.flatMap(\.refusals)
        _ = try FaultProgress.wait(30) {
            max(0, refusals.count - (try db.int("SELECT count(*) FROM wage.rejections WHERE message_id LIKE $1", [tag + "-%"])))
        }

        let dead = try drainAsAdmin("wage.dead", env: env)
        let platform = try drainAsAdmin("dept.platform", env: env)
        var verdict = FaultVerdict()
        for wave in waves {
            let v = try wave.plan.verdict(db: db, testSent: wave.sent, refusals: wave.refusals, deadLetters: dead, platformCopies: platform)
            verdict.lost += v.lost
            verdict.duplicated += v.duplicated
            verdict.wrong += v.wrong
        }
        verdict.lost = Array(Set(verdict.lost)).sorted()
        verdict.wrong = Array(Set(verdict.wrong)).sorted()
        let run = FaultRunFigures(
            sent: waves.flatMap(\.sent), cases: waves.reduce(0) { $0 + $1.plan.cases.count }, waves: waves.count,
            followUps: try db.int("SELECT count(*) FROM wage.outbox WHERE message_id LIKE $1", [tag + "-%"]),
            routed: try db.int("SELECT count(*) FROM wage.routing_log WHERE message_id LIKE $1", [tag + "-%"]),
            loadSeconds: loadSeconds, seconds: Date().timeIntervalSince(started))
        print(run.summary(monkey: monkey, fleet: fleet, publisher: publisher, verdict: verdict, started: started))

        XCTAssertEqual(failures, [], "logs: \(fleet.logDir)")
        XCTAssertEqual(monkey.problems, [], "faults that could not be injected")
        XCTAssertEqual(monkey.log.count, monkey.total, "every scheduled fault was injected")
        XCTAssertEqual(verdict.lost, [], "lost effects")
        XCTAssertEqual(verdict.duplicated, [], "duplicated effects")
        XCTAssertEqual(verdict.wrong, [], "wrong outcomes")
    }

    /// Empty queues and the shipped duty list in force (another test may have left its own).
    func prepareCleanStart() throws {
        let h = try Harness()
        defer { h.admin.close() }
        try h.purgeQueues()
        try DutyListStore.install(try Harness.shippedDutyList(), db: h.admin, activation: .always)
    }

    /// Consumes everything in `queue` as the operator (retrying while the broker comes back).
    func drainAsAdmin(_ queue: String, env: StackEnvironment) throws -> [AMQPDelivery] {
        let end = Date().addingTimeInterval(60)
        while true {
            do {
                let consumer = try AMQPConsumer(url: try AMQPURL(try env.adminAMQPURL()), queue: queue, prefetch: 500, name: "fault-drain")
                defer { consumer.close() }
                var got: [AMQPDelivery] = []
                while let d = try consumer.next(timeout: 1) { got.append(d); try consumer.ack(d) }
                return got
            } catch where Date() < end {
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }
}
