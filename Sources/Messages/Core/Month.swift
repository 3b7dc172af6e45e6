/// A calendar month (`YYYY-MM`): the period of a payroll, a bank statement or an
/// account funding (CONTRACT §8.1), and of the month-based warnings (§8.6).
public struct Month: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1 ... 12.
    public let month: Int

    /// Creates a month; `nil` outside years 1 ... 9999 or months 1 ... 12.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month `day` falls in.
    public init(of day: Day) {
        self.year = day.year
        self.month = day.month
    }

    /// Parses strict `YYYY-MM` (zero-padded; nothing before or after).
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.indices.allSatisfy({ $0 == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }),
              let y = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
              let m = Int(String(decoding: bytes[5..<7], as: UTF8.self)) else { return nil }
        self.init(year: y, month: m)
    }

    /// `YYYY-MM`.
    public var iso: String {
        let y = String(year), m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count < 2 ? "0" : "") + m
    }

    public var description: String { iso }

    /// The first day of the month.
    public var firstDay: Day { Day(year: year, month: month, day: 1)! }

    /// The last day of the month.
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }

    /// The month `n` months later (earlier for negative `n`).
    public func adding(months n: Int) -> Month {
        let index = year * 12 + (month - 1) + n
        return Month(year: index / 12, month: index % 12 + 1) ?? self
    }

    /// The month before.
    public var previous: Month { adding(months: -1) }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = Month(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM month: \(text)"))
        }
        self = month
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
