import Foundation

/// Formatting and parsing of `timestamptz` text, without Foundation formatters
/// (pure arithmetic on the proleptic Gregorian calendar; years 1 to 9999).
enum PGTimestamp {
    /// RFC 3339 UTC with microseconds: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    static func format(_ date: Date) -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let total = Int64(max(min(micros, 2.5e17), -6.2e16))  // clamp to years ~0001…9999
        let (days, microOfDay) = floorDivMod(total, 86_400_000_000)
        let (y, m, d) = civil(fromDays: days)
        let secondOfDay = microOfDay / 1_000_000
        let fraction = microOfDay % 1_000_000
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
            + "." + pad(fraction, 6) + "Z"
    }

    /// Parses ISO output (`DateStyle=ISO`, the default): `2026-03-01 08:30:00.123456+08`,
    /// offsets `±HH`, `±HH:MM`, `±HH:MM:SS` or `Z`, separator space or `T`, fraction
    /// optional. Without an offset (plain `timestamp`/`date`) the value is read as
    /// UTC. Returns nil for anything else, including `infinity` and BC dates.
    static func parse(_ text: String) -> Date? {
        var p = Parser(Array(text.utf8))
        guard let year = p.number(minDigits: 4, maxDigits: 6), p.eat("-"),
              let month = p.number(2), p.eat("-"), let day = p.number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Int64(0), micros = Int64(0)
        if p.eat(" ") || p.eat("T") {
            guard let hh = p.number(2), p.eat(":"), let mm = p.number(2), p.eat(":"), let ss = p.number(2),
                  hh < 24, mm < 60, ss < 61 else { return nil }
            seconds = Int64(hh * 3600 + mm * 60 + ss)
            if p.eat(".") {
                var digits = 0
                while let digit = p.digit() {
                    if digits < 6 { micros = micros * 10 + Int64(digit) }
                    digits += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 6) { micros *= 10 }
            }
            if p.eat("Z") {
            } else if let sign = p.sign() {
                guard let oh = p.number(2) else { return nil }
                var offset = oh * 3600
                if p.eat(":") { guard let om = p.number(2) else { return nil }; offset += om * 60 }
                if p.eat(":") { guard let os = p.number(2) else { return nil }; offset += os }
                seconds -= Int64(sign * offset)
            }
        }
        guard p.atEnd else { return nil }
        let total = days(fromCivil: year, month, day) * 86_400 + seconds
        return Date(timeIntervalSince1970: Double(total) + Double(micros) / 1_000_000)
    }

    // Days since 1970-01-01 <-> civil date (H. Hinnant's algorithms).
    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = Int64(m <= 2 ? y0 - 1 : y0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((m + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        if month == 2 { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28 }
        return [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    private static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func pad<T: BinaryInteger>(_ value: T, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// A cursor over ASCII bytes.
    private struct Parser {
        let bytes: [UInt8]
        var i = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { i == bytes.count }
        mutating func eat(_ c: Character) -> Bool {
            guard i < bytes.count, bytes[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        mutating func digit() -> Int? {
            guard i < bytes.count, (48...57).contains(bytes[i]) else { return nil }
            i += 1
            return Int(bytes[i - 1] - 48)
        }
        mutating func number(_ digits: Int) -> Int? { number(minDigits: digits, maxDigits: digits) }
        mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
            var value = 0, count = 0
            while count < maxDigits, let d = digit() { value = value * 10 + d; count += 1 }
            return count >= minDigits ? value : nil
        }
        mutating func sign() -> Int? {
            if eat("+") { return 1 }
            if eat("-") { return -1 }
            return nil
        }
    }
}
