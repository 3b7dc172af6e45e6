import Foundation

/// Everything one run measured; written as JSON for docs/benchmark.md.
struct BenchResult: Codable {
    var run: String
    var startedAt: String
    var machine: MachineInfo
    /// How the pipeline was run (router threads, hrss processes, prefetch, loads).
    var settings: [String: String]
    var rawBroker: RawBroker.Result?
    var rawDatabase: RawDatabase.Result?
    var phases: [PipelinePhase.Result]
    /// Peak resident memory (VmHWM) per process after the saturation phase, in MiB.
    var peakMemoryMiB: [String: Double]
    /// Issue 18's project measurements (nil with --skip-projects).
    var projects: ProjectMeasure.Result?
    var targets: [Target]
    /// Issue 23's router hop beside the trivial peer (nil with --router-hop-messages 0).
    var routerHop: RouterHop.Result? = nil

    /// One target of issue 10 and whether this run reached it.
    struct Target: Codable {
        var name: String
        var goal: String
        var measured: String
        var reached: Bool?
    }

    func phase(_ name: String) -> PipelinePhase.Result? { phases.first { $0.phase == name } }

    /// The fixed-load phases, in the order they ran.
    var fixedPhases: [PipelinePhase.Result] { phases.filter { $0.phase.hasPrefix("fixed") } }

    /// The targets of issue 10, judged on this run's figures.
    func judged() -> [Target] {
        var t: [Target] = []
        if let sat = phase("saturation"), let db = rawDatabase {
            let ratio = sat.intakeMessagesPerSecond / max(db.oneClientReference, 1)
            t.append(Target(name: "throughput", goal: "end-to-end messages/s ≥ ½ × raw single-row commits/s (1 client)",
                            measured: String(format: "%.0f msg/s vs %.0f commits/s = %.2f", sat.intakeMessagesPerSecond,
                                             db.oneClientReference, ratio),
                            reached: ratio >= 0.5))
        }
        if let fixed = fixedPhases.first, let p99 = fixed.latencyRegistered?.p99 {
            let sustained = fixed.stoppedEarly == nil && fixed.casesAccepted == fixed.cluesPublished
            t.append(Target(name: "latency", goal: "p99 publish → case committed < 50 ms at 200 messages/s",
                            measured: String(format: "p99 %.1f ms at %.0f messages/s", p99, fixed.offeredMessagesPerSecond ?? 0)
                                + (sustained ? "" : " (load not sustained)"),
                            reached: p99 < 50 && sustained))
        }
        if let p = projects, let worst = p.bigPayrollSeconds.max() {
            t.append(Target(name: "big payroll", goal: "a \(p.payrollLines)-line payroll applied within 1 s",
                            measured: p.bigPayrollSeconds.map { String(format: "%.3f s", $0) }.joined(separator: ", "),
                            reached: worst <= 1))
        }
        if let alone = phase("saturation"), let loaded = phase(ProjectMeasure.phaseName), let p = projects {
            let ratio = loaded.casesPerSecond / max(alone.casesPerSecond, 0.001)
            t.append(Target(name: "project load", goal: "clue pipeline with \(p.projects) projects × \(p.workersPerProject) workers of roster and payroll ≥ 0.9 × without",
                            measured: String(format: "%.1f vs %.1f cases/s = %.2f", loaded.casesPerSecond, alone.casesPerSecond, ratio),
                            reached: ratio >= 0.9))
        }
        if let hop = routerHop, let peer = hop.peerMessagesPerSecond, let ratio = hop.ratio {
            t.append(Target(name: "router hop", goal: "router msg/s ≥ 0.5 × the trivial peer's (same run)",
                            measured: String(format: "%.0f vs %.0f msg/s = %.2f", hop.routerMessagesPerSecond, peer, ratio),
                            reached: ratio >= 0.5))
        }
        for name in ["worker-hrss", "worker-housing"] {
            guard let mib = peakMemoryMiB[name] else { continue }
            t.append(Target(name: "memory \(name)", goal: "peak RSS < 64 MiB at saturation",
                            measured: String(format: "%.1f MiB", mib), reached: mib < 64))
        }
        return t
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}
