import CLibPQ
import CRabbitMQ
import Foundation
import Store

/// The machine and the versions a reader needs to judge the figures.
struct MachineInfo: Codable {
    var cpus: Int
    var cpuModel: String
    var memoryMiB: Int
    var loadAverageAtStart: String
    var kernel: String
    var os: String
    var postgresql: String
    var rabbitmq: String
    var librabbitmq: String
    var libpq: String
    var swift: String
    var build: String

    static func read(admin: PGConnection, rabbitmq: String) throws -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "?"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memKiB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
            .split(separator: " ").prefix(3).joined(separator: " ")
        let kernel = ((try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? "?")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let debian = ((try? String(contentsOfFile: "/etc/debian_version", encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let pg = try admin.execute("SHOW server_version").rows.first?.string("server_version") ?? "?"
        let libpq = Int(PQlibVersion())
        let env = ProcessInfo.processInfo.environment
        return MachineInfo(
            cpus: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model, memoryMiB: memKiB / 1024,
            loadAverageAtStart: load, kernel: kernel, os: debian.isEmpty ? "Linux" : "Debian \(debian)",
            postgresql: pg, rabbitmq: rabbitmq, librabbitmq: String(cString: amqp_version()),
            libpq: "\(libpq / 10000).\(libpq % 100)", swift: env["WAGE_BENCH_SWIFT"] ?? "?",
            build: env["WAGE_BENCH_BUILD"] ?? "release")
    }

    /// True when other work was keeping the cores busy as the run started.
    var busy: Bool { (Double(loadAverageAtStart.split(separator: " ").first ?? "") ?? 0) > Double(cpus) * 0.5 }
}
