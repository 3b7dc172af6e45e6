import Foundation

/// Progress lines on standard error (the report goes to standard output), each
/// with the seconds since the run started.
enum Progress {
    nonisolated(unsafe) static var started = Date()

    /// Prints one progress line.
    static func say(_ text: String) {
        let t = Date().timeIntervalSince(started)
        FileHandle.standardError.write(Data((String(format: "[bench %5.1fs] ", t) + text + "\n").utf8))
    }
}

/// A failure that ends the benchmark with a message saying what to do.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A lock around a value shared between the benchmark's threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }
    var current: Value { withLock { $0 } }
}

/// Wall-clock seconds since 1970 (the servers' timestamps use the same clock).
func wallNow() -> Double { Date().timeIntervalSince1970 }

/// Sleeps `seconds` on the calling (dedicated) thread.
func pause(_ seconds: Double) { if seconds > 0 { Thread.sleep(forTimeInterval: seconds) } }
