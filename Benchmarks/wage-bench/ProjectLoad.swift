import AMQP
import Foundation
import Store
import Messages
import Workflow

/// Issue 18's load on the project side (CONTRACT §8): `projects` construction
/// projects registered as housing, each with `workers` on its real-name roster
/// (platform), then one monthly payroll per project (platform) with a tenth of the
/// lines unpaid, so each payroll also opens and transfers a case. Published
/// persistent and confirmed, like the clue load.
final class ProjectLoad: @unchecked Sendable {
    let run: String
    let projects: Int
    let workers: Int
    let housing: AMQPURL
    let platform: AMQPURL
    let admin: PGConnection
    /// The payroll month (last month).
    let month = Month(of: Day(shanghai: Date())).previous
    /// How long to wait for the office to apply a step.
    var timeout = 120.0

    init(run: String, projects: Int, workers: Int, housing: AMQPURL, platform: AMQPURL, admin: PGConnection) {
        self.run = run
        self.projects = projects
        self.workers = workers
        self.housing = housing
        self.platform = platform
        self.admin = admin
    }

    func projectNo(_ n: Int) -> String { "bench-\(run)-P" + String(format: "%04d", n) }

    /// Registers the projects and enrols their rosters; returns when the office applied all of it.
    func prepare() throws {
        let reg = (0..<projects).map { n in
            ProjectRegister(projectNo: projectNo(n), name: "基准工程\(n)", sector: .construction,
                            builder: Organisation(name: "基准置业", creditCode: "bench-\(run)-B"),
                            generalContractor: Organisation(name: "基准建工", creditCode: "bench-\(run)-C\(n % 10)"),
                            contractAmount: Money(fen: 1_000_000_000), permitIssuedOn: Day(shanghai: Date()))
        }
        try publish(reg, as: housing, label: "register")
        try waitApplied("projects registered", ids: reg.map { "\(run)-register-\($0.projectNo)" })
        var rosters: [RosterEnrol] = []
        for n in 0..<projects {
            let all = (0..<workers).map { w in
                RosterWorker(workerID: "W\(w)", name: "工人\(w)", employer: Employer(name: "基准劳务"), contractSigned: true,
                             enteredOn: month.firstDay)
            }
            for start in stride(from: 0, to: all.count, by: RosterEnrol.maxWorkers) {
                rosters.append(RosterEnrol(projectNo: projectNo(n), workers: Array(all[start..<min(start + RosterEnrol.maxWorkers, all.count)])))
            }
        }
        try publish(rosters, as: platform, label: "roster")
        try waitApplied("rosters enrolled", ids: rosters.enumerated().map { "\(run)-roster-\($0.element.projectNo)-\($0.offset)" })
    }

    /// One payroll per project (`lines` lines; every tenth worker unpaid), submission `round`.
    func payrolls(round: Int, lines: Int? = nil) -> [PayrollSubmitted] {
        (0..<projects).map { n in
            PayrollSubmitted(projectNo: projectNo(n), month: month, subcontractor: Employer(name: "基准劳务", creditCode: "bench-\(run)-S"),
                             lines: (0..<(lines ?? workers)).map { w in
                                 PayrollLine(workerID: "W\(w)", days: 22, gross: Money(fen: 600_000),
                                             paid: Money(fen: w % 10 == round % 10 ? 0 : 600_000))
                             },
                             confirmedByWorkers: true, viaSpecialAccount: true)
        }
    }

    /// Publishes `messages` as the principal of `url`, with ids `<run>-<label>-<project>[-n]`.
    func publish(_ messages: [any WireMessage], as url: AMQPURL, label: String) throws {
        let publisher = try AMQPPublisher(url: url, name: "wage-bench-projects")
        defer { publisher.close() }
        var batch: [OutgoingMessage] = []
        for (i, m) in messages.enumerated() {
            let no = m.json["project_no"]?.stringValue ?? "?"
            var props = AMQPProperties()
            props.messageID = label == "register" ? "\(run)-\(label)-\(no)" : "\(run)-\(label)-\(no)-\(i)"
            props.type = m.wireType.rawValue
            props.userID = url.user
            props.contentType = "application/json"
            props.deliveryMode = 2
            batch.append(OutgoingMessage(exchange: "wage.intake", routingKey: m.wireType.rawValue, properties: props,
                                         body: Array(m.json.serialized.utf8)))
            if batch.count == 20 { try publisher.publish(batch); batch.removeAll() }
        }
        if !batch.isEmpty { try publisher.publish(batch) }
    }

    /// Waits until worker-hrss has an inbox row for every id (and none was refused).
    func waitApplied(_ what: String, ids: [String]) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let n = try admin.execute("SELECT count(*)::int AS n FROM wage.inbox WHERE consumer = 'hrss' AND message_id = ANY($1::text[])",
                                      [ids]).rows.first?.int("n") ?? 0
            if n == ids.count { break }
            guard Date() < deadline else { throw BenchFailure("\(what): \(n) of \(ids.count) applied after \(Int(timeout)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let refused = try admin.execute("SELECT count(*)::int AS n FROM wage.rejections WHERE message_id = ANY($1::text[])", [ids])
            .rows.first?.int("n") ?? 0
        guard refused == 0 else { throw BenchFailure("\(what): \(refused) refused (wage.rejections)") }
    }
}
