import Foundation

/// Exponential backoff: 0.1 s doubling to a cap, slept in short slices so a stop is seen quickly.
public struct Backoff: Sendable {
    public var next: Double
    public let cap: Double

    public init(start: Double = 0.1, cap: Double = 5) { self.next = start; self.cap = cap }

    /// Sleeps the current delay (returning early when `stop` is set) and doubles it.
    public mutating func sleep(unless stop: StopFlag) {
        var left = next
        while left > 0, !stop.isSet {
            let slice = min(left, 0.2)
            Thread.sleep(forTimeInterval: slice)
            left -= slice
        }
        next = min(next * 2, cap)
    }
}
