import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU time used by each part of the system between two moments, as a percentage
/// of one core (the machine has `nproc` × 100 % in all).
struct CPUSampler {
    /// name → how to read its CPU seconds so far.
    let sources: [(name: String, read: () -> Double)]

    struct Sample {
        let at: Double
        let seconds: [String: Double]
    }

    func sample() -> Sample {
        var s: [String: Double] = [:]
        for source in sources { s[source.name] = source.read() }
        return Sample(at: wallNow(), seconds: s)
    }

    /// Percent of one core per part between `a` and `b`.
    static func percent(from a: Sample, to b: Sample) -> [String: Double] {
        let wall = max(b.at - a.at, 0.001)
        var result: [String: Double] = [:]
        for (name, end) in b.seconds { result[name] = ((end - (a.seconds[name] ?? 0)) / wall * 1000).rounded() / 10 }
        return result
    }

    /// CPU seconds per part between `a` and `b`.
    static func seconds(from a: Sample, to b: Sample) -> [String: Double] {
        var result: [String: Double] = [:]
        for (name, end) in b.seconds { result[name] = end - (a.seconds[name] ?? 0) }
        return result
    }

    /// The services, the benchmark itself, PostgreSQL (postmaster and all its
    /// backends) and RabbitMQ (beam and its helpers).
    static func standard(services: [ServiceProcess], postmaster: pid_t?, broker: pid_t?) -> CPUSampler {
        var sources: [(String, () -> Double)] = services.map { s in (s.name, { ProcStats.cpuSeconds(s.pid) }) }
        sources.append(("wage-bench", { ProcStats.cpuSeconds(getpid()) }))
        if let postmaster { sources.append(("postgresql", { ProcStats.treeCPUSeconds(postmaster) })) }
        if let broker { sources.append(("rabbitmq", { ProcStats.treeCPUSeconds(broker) })) }
        return CPUSampler(sources: sources)
    }
}
