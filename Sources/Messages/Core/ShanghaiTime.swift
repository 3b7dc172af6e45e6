import Foundation

/// Instants ↔ business days in Asia/Shanghai (UTC+8 all year; China has had no
/// daylight saving time since 1991, so a fixed offset is exact for our dates).
extension Day {
    /// The offset of Asia/Shanghai from UTC, in seconds.
    public static let shanghaiOffsetSeconds = 8 * 3600

    /// The business day on which `instant` falls in Asia/Shanghai.
    public init(shanghai instant: Date) {
        let local = Int((instant.timeIntervalSince1970).rounded(.down)) + Day.shanghaiOffsetSeconds
        self.init(ordinal: Day.floorDiv(local, 86_400))
    }

    /// Today in Asia/Shanghai, by this machine's clock.
    public static func shanghaiToday() -> Day { Day(shanghai: Date()) }

    /// Midnight at the start of this day in Asia/Shanghai.
    public var shanghaiStart: Date {
        Date(timeIntervalSince1970: TimeInterval(ordinal * 86_400 - Day.shanghaiOffsetSeconds))
    }

    /// The same month and day `n` years later; 29 February becomes 1 March in a
    /// non-leap year (so "one year after" is never shorter than a full year).
    public func addingYears(_ n: Int) -> Day {
        Day(year: year + n, month: month, day: day)
            ?? Day(year: year + n, month: 3, day: 1)
            ?? adding(days: 366 * n)  // only outside years 1...9999
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

extension Date {
    /// The same Shanghai wall-clock time `n` calendar years later (29 Feb → 1 Mar).
    public func addingYearsInShanghai(_ n: Int) -> Date {
        let day = Day(shanghai: self)
        let secondsIntoDay = timeIntervalSince(day.shanghaiStart)
        return day.addingYears(n).shanghaiStart.addingTimeInterval(secondsIntoDay)
    }
}
