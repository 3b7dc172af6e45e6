import Foundation

/// The printed report: machine, one table of figures beside the raw limits with
/// the ratios, latencies, memory, CPU, and the issue's targets.
struct ReportText {
    let result: BenchResult

    func render() -> String {
        var out: [String] = []
        let m = result.machine
        out.append("wage-bench run \(result.run) at \(result.startedAt)")
        out.append("machine: \(m.cpus) × \(m.cpuModel), \(m.memoryMiB) MiB, \(m.os), kernel \(m.kernel); load average at start \(m.loadAverageAtStart)")
        out.append("versions: PostgreSQL \(m.postgresql), RabbitMQ \(m.rabbitmq), librabbitmq \(m.librabbitmq), libpq \(m.libpq), \(m.swift) (\(m.build) build)")
        out.append("settings: " + result.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        if m.busy { out.append("WARNING: the machine was busy when the run started (load > half the cores): figures are low and noisy") }
        out.append("")
        out += throughputTable()
        out.append("")
        out += latencyTable()
        out.append("")
        out += resources()
        out.append("")
        if let hop = result.routerHop {
            out.append(String(format: "Router hop (%d messages, router alone on a backlog): router %.0f msg/s", hop.messages,
                              hop.routerMessagesPerSecond)
                + (hop.routerCPUMillisPerMessage.map { String(format: " (router CPU %.3f ms/msg)", $0) } ?? "")
                + (hop.peerMessagesPerSecond.map { String(format: ", trivial peer %.0f msg/s, ratio %.2f", $0, hop.ratio ?? 0) }
                    ?? ", peer failed: \(hop.peerError ?? "?")"))
            out.append("")
        }
        out.append("Targets (issues 10, 23):")
        for t in result.targets {
            let mark = t.reached.map { $0 ? "reached" : "NOT reached" } ?? "n/a"
            out.append("  \(pad(t.name, 24)) \(pad(t.goal, 62)) \(t.measured)  [\(mark)]")
        }
        return out.joined(separator: "\n")
    }

    private func throughputTable() -> [String] {
        let shown = result.phases.filter { $0.phase != "warmup" }
        let sat = result.phase("saturation")
        let broker = result.rawBroker, db = result.rawDatabase
        var rows: [[String]] = [["throughput"] + shown.map(header) + ["raw limit", "saturation/raw"]]
        /// A figure of every phase, beside a raw limit with the saturation ratio.
        func row(_ name: String, _ figure: ((PipelinePhase.Result) -> Double)?, _ rawName: String, _ raw: Double?,
                 ratioOf: ((PipelinePhase.Result) -> Double)? = nil) {
            let s = (ratioOf ?? figure).flatMap { f in sat.map(f) }
            let ratio = (s != nil && raw != nil && raw! > 0) ? String(format: "%.3f", s! / raw!) : "–"
            rows.append([name] + shown.map { p in figure.map { num($0(p)) } ?? "" }
                + [raw.map { "\(num($0)) \(rawName)" } ?? "–", ratio])
        }
        row("cases/s (whole pipeline)", { $0.casesPerSecond }, "", nil)
        row("intake messages/s (3 per case)", { $0.intakeMessagesPerSecond }, "PG commits/s, 1 client", db?.oneClientReference)
        row("  beside 4 PG clients", nil, "PG commits/s, 4 clients", db?.fourClientsCommitsPerSecond, ratioOf: { $0.intakeMessagesPerSecond })
        row("  beside broker publish", nil, "publish+confirm/s (window 100)", broker?.publishConfirmedPerSecond, ratioOf: { $0.intakeMessagesPerSecond })
        row("  beside one-at-a-time publish", nil, "publish+confirm/s (window 1)", broker?.publishOneAtATimePerSecond, ratioOf: { $0.intakeMessagesPerSecond })
        row("routing decisions/s (routing_log)", { $0.routedPerSecond }, "", nil)
        row("worker deliveries/s (inbox rows)", { $0.workerDeliveriesPerSecond }, "consume+ack/s", broker?.consumeAckEachPerSecond)
        if let b = broker { row("  (broker consume, ack multiple 50)", nil, "msg/s", b.consumeAckMultiplePerSecond) }
        var lines = table(rows)
        if let db {
            let after = db.oneClientAfterPipelineCommitsPerSecond.map { ", \(num($0))/s after it (the ratio uses the mean)" } ?? ""
            lines.append("PG 1-client commit rate: \(num(db.oneClientCommitsPerSecond))/s before the pipeline\(after); "
                + "synchronous_commit=\(db.synchronousCommit), wal_sync_method=\(db.walSyncMethod); "
                + String(format: "one statement round trip %.3f ms", 1000 / max(db.roundTripsPerSecond, 1)))
            if let b = broker {
                lines.append(String(format: "RabbitMQ one publish + confirm round trip %.2f ms (quorum queue, persistent)",
                                    1000 / max(b.publishOneAtATimePerSecond, 1)))
            }
        }
        return lines
    }

    private func latencyTable() -> [String] {
        var rows: [[String]] = [["latency (ms)", "phase", "p50", "p90", "p99", "max", "n"]]
        for phase in result.phases where phase.phase != "warmup" {
            let items: [(String, LatencySummary?)] = [
                ("publish → case registered (hrss)", phase.latencyRegistered),
                ("publish → in housing's ledger", phase.latencyDelivered),
                ("case.accept → case accepted", phase.latencyAcceptApplied),
                ("publish → accepted (incl. staff poll)", phase.latencyTotal),
            ]
            for (name, s) in items {
                guard let s else { continue }
                rows.append([name, phase.phase, ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max), "\(s.count)"])
            }
        }
        return table(rows)
    }

    private func resources() -> [String] {
        var out = ["peak memory (VmHWM) after saturation: " + result.peakMemoryMiB.sorted { $0.key < $1.key }
            .map { $0.key + String(format: " %.1f MiB", $0.value) }.joined(separator: ", ")]
        for phase in result.phases where phase.phase != "warmup" {
            let total = phase.cpuPercent.values.reduce(0, +)
            let parts = phase.cpuPercent.sorted { $0.value > $1.value }.map { $0.key + String(format: " %.0f%%", $0.value) }
            out.append("CPU during \(phase.phase) (% of one core; \(result.machine.cpus) cores = \(result.machine.cpus * 100)%): "
                + parts.joined(separator: ", ") + String(format: "; total %.0f%%", total))
            if !phase.cpuMillisPerCase.isEmpty {
                let total = phase.cpuMillisPerCase.values.reduce(0, +)
                out.append("  CPU per case (ms): " + phase.cpuMillisPerCase.sorted { $0.value > $1.value }
                    .map { $0.key + String(format: " %.2f", $0.value) }.joined(separator: ", ")
                    + String(format: "; total %.2f ms → at most %.0f cases/s on %d free cores", total,
                             Double(result.machine.cpus) * 1000 / max(total, 0.001), result.machine.cpus))
            }
            if let db = phase.database {
                out.append("  PostgreSQL per case: \(db.walFlushesPerCase) WAL flushes, \(db.walKiBPerCase) KiB WAL, \(db.rowsWrittenPerCase) rows written")
            }
            if !phase.stageRates.isEmpty {
                out.append("  stage rates (cases/s): " + phase.stageRates.sorted { $0.key > $1.key }
                    .map { "\($0.key) \(num($0.value))" }.joined(separator: ", "))
            }
            if let why = phase.stoppedEarly { out.append("  \(phase.phase): load stopped early: \(why)") }
            if phase.casesAccepted < phase.cluesPublished {
                out.append("  \(phase.phase): \(phase.cluesPublished - phase.casesAccepted) cases not accepted when the phase ended")
            }
            if phase.rejections > 0 { out.append("  \(phase.phase): WARNING \(phase.rejections) benchmark messages were refused (wage.rejections)") }
        }
        return out
    }

    private func header(_ p: PipelinePhase.Result) -> String {
        guard let rate = p.offeredMessagesPerSecond else { return p.phase }
        return String(format: "offered %.0f msg/s", rate)
    }
}

private func num(_ v: Double?) -> String {
    guard let v else { return "–" }
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.maximumFractionDigits = v < 100 ? 1 : 0
    return formatter.string(from: NSNumber(value: v)) ?? "\(v)"
}

private func ms(_ v: Double) -> String { String(format: v < 10 ? "%.2f" : "%.1f", v) }

private func pad(_ s: String, _ width: Int) -> String {
    let n = s.count
    return n >= width ? s : s + String(repeating: " ", count: width - n)
}

/// Left-aligned first column, right-aligned others.
private func table(_ rows: [[String]]) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    var widths = [Int](repeating: 0, count: columns)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
    return rows.enumerated().flatMap { index, r -> [String] in
        let line = r.enumerated().map { i, c in
            i == 0 ? pad(c, widths[i]) : String(repeating: " ", count: widths[i] - c.count) + c
        }.joined(separator: "  ")
        return index == 0 ? [line, String(repeating: "-", count: line.count)] : [line]
    }
}
