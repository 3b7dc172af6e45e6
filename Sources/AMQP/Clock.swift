#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic seconds, for deadlines.
func monotonicNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Blocks the calling (dedicated) thread for `seconds`.
func sleepSeconds(_ seconds: Double) {
    guard seconds > 0 else { return }
    var ts = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
    var left = timespec()
    while nanosleep(&ts, &left) == -1 && errno == EINTR { ts = left }
}

/// Exponential backoff: `initial` doubling up to `cap`.
struct Backoff {
    let initial: Double
    let cap: Double
    private(set) var current: Double

    init(initial: Double = 0.1, cap: Double = 5) {
        self.initial = initial
        self.cap = cap
        self.current = initial
    }

    /// The delay to wait now; the next one doubles (up to `cap`).
    mutating func next() -> Double {
        defer { current = min(current * 2, cap) }
        return current
    }

    /// Sleeps `next()` in slices of at most 0.1 s; returns early (false) when `stop()` is true.
    mutating func sleep(unless stop: () -> Bool) -> Bool {
        let end = monotonicNow() + next()
        while monotonicNow() < end {
            if stop() { return false }
            sleepSeconds(min(0.1, end - monotonicNow()))
        }
        return !stop()
    }
}
