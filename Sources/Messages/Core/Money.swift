/// An amount of money in integer fen (分). Never a floating-point number.
///
/// On the wire money is a decimal string in yuan with at most two decimals
/// (`"125000.00"`), never a JSON number (CONTRACT §2).
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in fen (1 yuan = 100 fen).
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static let zero = Money(fen: 0)

    /// The largest amount accepted on the wire: 10^12 yuan. Larger is absurd and refused.
    public static let wireMaximum = Money(fen: 100_000_000_000_000)

    /// Parses a wire amount: digits, optionally `.` and one or two digits; no sign,
    /// no exponent, no spaces. Returns `nil` for anything else or above `wireMaximum`.
    public init?(yuan text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let whole = parts[0]
        guard !whole.isEmpty, whole.count <= 13, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...2).contains(frac.count), frac.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = Int64(frac)! * (frac.count == 1 ? 10 : 1)
        }
        guard let yuan = Int64(whole) else { return nil }
        let fen = yuan * 100 + fraction
        guard fen <= Money.wireMaximum.fen else { return nil }
        self.fen = fen
    }

    /// The wire form, always with two decimals: `"125000.00"`.
    public var yuanString: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public var description: String { yuanString }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.fen += rhs.fen }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.fen -= rhs.fen }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let money = Money(yuan: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a yuan amount: \(text)"))
        }
        self = money
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(yuanString)
    }
}
