

/// Strict RFC 3339 `date-time` check: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
public enum RFC3339 {
    /// Whether `text` is an RFC 3339 instant whose date is a real day within `SchemaBounds.days`.
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 20, let day = Day(iso: String(decoding: b[0..<10], as: UTF8.self)),
              SchemaBounds.days.contains(day) else { return false }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let hour = number(b, 11), hour <= 23, let minute = number(b, 14), minute <= 59,
              let second = number(b, 17), second <= 60 else { return false }
        var i = 19
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > start, i < b.count else { return false }
        }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count == i + 6,
              b[i + 3] == UInt8(ascii: ":"), let oh = number(b, i + 1), oh <= 23,
              let om = number(b, i + 4), om <= 59 else { return false }
        return true
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// The two-digit number at `at`, or `nil`.
    private static func number(_ b: [UInt8], _ at: Int) -> Int? {
        guard at + 1 < b.count, isDigit(b[at]), isDigit(b[at + 1]) else { return nil }
        return Int(b[at] - UInt8(ascii: "0")) * 10 + Int(b[at + 1] - UInt8(ascii: "0"))
    }
}
