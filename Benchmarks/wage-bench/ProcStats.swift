import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Readings from /proc: memory high-water marks and CPU time of processes.
enum ProcStats {
    /// Clock ticks per second for /proc/PID/stat times.
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// `VmHWM` (peak resident set) and `VmRSS` of `pid`, in KiB.
    static func memory(_ pid: pid_t) -> (peakKiB: Int, currentKiB: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        guard let hwm = field("VmHWM"), let rss = field("VmRSS") else { return nil }
        return (hwm, rss)
    }

    /// User + system CPU seconds of `pid` (0 when it is gone).
    static func cpuSeconds(_ pid: pid_t) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        // Fields after "(comm)": state is field 3; utime and stime are fields 14 and 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return 0 }
        return (utime + stime) / ticksPerSecond
    }

    /// The parent pid of `pid`, or nil.
    static func parent(_ pid: pid_t) -> pid_t? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    /// `root` and every process below it.
    static func tree(_ root: pid_t) -> [pid_t] {
        let all = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }
        var children: [pid_t: [pid_t]] = [:]
        for pid in all { if let p = parent(pid) { children[p, default: []].append(pid) } }
        var result = [root], queue = [root]
        while let next = queue.popLast() {
            let kids = children[next] ?? []
            result += kids
            queue += kids
        }
        return result
    }

    /// CPU seconds of `root` and its descendants (a server and its helpers).
    static func treeCPUSeconds(_ root: pid_t) -> Double { tree(root).map(cpuSeconds).reduce(0, +) }

    /// The first line of a pid file, as a pid.
    static func pid(fromFile path: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return pid_t(text.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces) ?? "")
    }
}
