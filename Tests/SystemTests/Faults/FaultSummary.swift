import Foundation

/// The figures of a fault run and its one-line summary (plus details on failure).
struct FaultRunFigures {
    let sent: [String]
    let cases: Int
    let waves: Int
    let followUps: Int
    let routed: Int
    let loadSeconds: Double
    let seconds: Double

    func summary(monkey: ChaosMonkey, fleet: ServiceFleet, publisher: ReliablePublisher, verdict: FaultVerdict,
                 started: Date) -> String {
        var kills: [String: Int] = [:]
        var brokers = 0, databases = 0
        for (fault, _, _) in monkey.log {
            switch fault {
            case .kill(let name): kills[name, default: 0] += 1
            case .restartBroker: brokers += 1
            case .restartDatabase: databases += 1
            }
        }
        let killText = kills.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
        let exits = fleet.unplannedExits.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
        var lines = [
            "FAULT SUITE: messages \(Set(sent).count) sent by the test (\(sent.count) publishes incl. same-id repeats) "
                + "+ \(followUps) follow-ups = \(routed) routed; \(cases) cases in \(waves) waves; "
                + "faults \(monkey.log.count) (kill -9 \(kills.values.reduce(0, +)); RabbitMQ restarts \(brokers); "
                + "PostgreSQL restarts \(databases)); lost \(verdict.lostCount); duplicated \(verdict.duplicatedCount); "
                + "wrong \(verdict.wrong.count); publish retries \(publisher.retries); "
                + "load \(Int(loadSeconds)) s, total \(Int(seconds)) s",
            "  killed: \(killText); unplanned exits (revived): \(exits.isEmpty ? "none" : exits); logs \(fleet.logDir)",
            "  fault times: " + monkey.log.map { fault, at, took in
                "\(fault) at \(Int(at.timeIntervalSince(started))) s" + (took >= 1 ? " (\(Int(took)) s)" : "")
            }.joined(separator: "; "),
        ]
        lines += verdict.lost.prefix(20).map { "  lost: \($0)" }
        lines += verdict.duplicated.prefix(20).map { "  duplicated: \($0)" }
        lines += verdict.wrong.prefix(20).map { "  wrong: \($0)" }
        return lines.joined(separator: "\n")
    }
}
