import AMQP
import Foundation
import Store
import Messages
import Workflow

/// Issue 18's two measurements beside the clue pipeline (not asserted in tests):
/// how long one 2,000-line payroll takes to apply, and how much a load of
/// `projects` × `workers` rosters and payrolls slows the clue pipeline at
/// saturation (the same clue phase run again with the payrolls arriving meanwhile).
struct ProjectMeasure {
    struct Result: Codable {
        var payrollLines: Int
        /// Publish → applied (hrss inbox row) of each big payroll, in seconds.
        var bigPayrollSeconds: [Double]
        var projects: Int
        var workersPerProject: Int
        /// Seconds from the first payroll published to the last applied, during the clue phase.
        var payrollsAppliedSeconds: Double?
    }

    /// The saturation phase run again while the project payrolls arrive.
    static let phaseName = "saturation-with-projects"

    let options: WageBench
    let run: String
    let housing: AMQPURL
    let platform: AMQPURL
    let admin: PGConnection

    /// Times `repeats` submissions of one payroll of `options.payrollLines` lines.
    func bigPayroll(repeats: Int = 3) throws -> [Double] {
        let load = ProjectLoad(run: "\(run)-big", projects: 1, workers: options.payrollLines, housing: housing,
                               platform: platform, admin: admin)
        Progress.say("projects: one project with \(options.payrollLines) workers on its roster")
        try load.prepare()
        var seconds: [Double] = []
        for round in 1...repeats {
            let started = Date()
            try load.publish(load.payrolls(round: round), as: platform, label: "payroll\(round)")
            try load.waitApplied("payroll \(round)", ids: ["\(load.run)-payroll\(round)-\(load.projectNo(0))-0"])
            seconds.append(Date().timeIntervalSince(started))
            Progress.say(String(format: "projects: a %d-line payroll applied in %.3f s", options.payrollLines, seconds.last!))
        }
        return seconds
    }

    /// The project load for the clue phase: registered and enrolled before it, the
    /// payrolls published when `start` is called; `finish` waits until they are applied.
    func backgroundLoad() throws -> (start: () -> Void, finish: () throws -> Double) {
        let load = ProjectLoad(run: "\(run)-bg", projects: options.projects, workers: options.projectWorkers,
                               housing: housing, platform: platform, admin: admin)
        Progress.say("projects: \(options.projects) projects × \(options.projectWorkers) workers (registrations and rosters)")
        try load.prepare()
        let payrolls = UncheckedBox(load.payrolls(round: 1))
        let platform = self.platform
        let started = Locked<Date?>(nil)
        let failure = Locked<String?>(nil)
        let published = DispatchSemaphore(value: 0)
        let start = {
            Thread.detachNewThread {
                defer { published.signal() }
                started.withLock { $0 = Date() }
                do { try load.publish(payrolls.value, as: platform, label: "payroll") } catch { failure.withLock { $0 = "\(error)" } }
            }
        }
        let finish = { () throws -> Double in
            published.wait()
            if let f = failure.withLock({ $0 }) { throw BenchFailure("project payrolls: \(f)") }
            try load.waitApplied("project payrolls", ids: payrolls.value.enumerated().map { "\(load.run)-payroll-\($0.element.projectNo)-\($0.offset)" })
            return Date().timeIntervalSince(started.withLock { $0 } ?? Date())
        }
        return (start, finish)
    }
}
