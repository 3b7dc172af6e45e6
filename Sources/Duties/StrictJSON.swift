/// A strict RFC 8259 syntax check, run before the body is parsed: Foundation's
/// `JSONDecoder` also takes trailing commas (`{"a":1,}`, `[1,]`) and duplicate
/// names (keeping the first), which other consumers of a forwarded message would
/// read differently or refuse. A byte-order mark is allowed (RFC 8259 §8.1).
/// UTF-8 itself is checked by the parser that follows.
public enum StrictJSON {
    /// Deepest nesting accepted (the same limit as Foundation's parser).
    public static let maximumDepth = 512

    /// True when `bytes` is exactly one JSON text with unique names in every object.
    public static func isWellFormed(_ bytes: some Collection<UInt8>) -> Bool {
        var scanner = Scanner(Array(bytes))
        if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.i = 3 }
        scanner.skipSpace()
        guard scanner.value(depth: 0) else { return false }
        scanner.skipSpace()
        return scanner.i == scanner.bytes.count
    }

    struct Scanner {
        let bytes: [UInt8]
        var i = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1 }
        }

        mutating func eat(_ b: UInt8) -> Bool {
            guard peek == b else { return false }
            i += 1
            return true
        }

        mutating func literal(_ text: String) -> Bool {
            let t = Array(text.utf8)
            guard bytes.count - i >= t.count, Array(bytes[i..<(i + t.count)]) == t else { return false }
            i += t.count
            return true
        }

        mutating func value(depth: Int) -> Bool {
            guard depth < StrictJSON.maximumDepth, let b = peek else { return false }
            switch b {
            case UInt8(ascii: "{"): return object(depth: depth + 1)
            case UInt8(ascii: "["): return array(depth: depth + 1)
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func object(depth: Int) -> Bool {
            i += 1
            skipSpace()
            if eat(UInt8(ascii: "}")) { return true }
            var names = Set<[UInt16]>()
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\""), let name = string(), names.insert(name).inserted else { return false }
                skipSpace()
                guard eat(UInt8(ascii: ":")) else { return false }
                skipSpace()
                guard value(depth: depth) else { return false }
                skipSpace()
                if eat(UInt8(ascii: "}")) { return true }
                guard eat(UInt8(ascii: ",")) else { return false }
            }
        }

        mutating func array(depth: Int) -> Bool {
            i += 1
            skipSpace()
            if eat(UInt8(ascii: "]")) { return true }
            while true {
                skipSpace()
                guard value(depth: depth) else { return false }
                skipSpace()
                if eat(UInt8(ascii: "]")) { return true }
                guard eat(UInt8(ascii: ",")) else { return false }
            }
        }

        /// A string; returns its content as UTF-16 code units with escapes decoded
        /// (so that `"\u0041"` and `"A"` name the same member), or nil when malformed.
        mutating func string() -> [UInt16]? {
            i += 1
            var out: [UInt16] = []
            var raw: [UInt8] = []
            func flush() { out += String(decoding: raw, as: UTF8.self).utf16; raw = [] }
            while let b = peek {
                i += 1
                switch b {
                case UInt8(ascii: "\""): flush(); return out
                case UInt8(ascii: "\\"):
                    guard let e = peek else { return nil }
                    i += 1
                    flush()
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(UInt16(e))
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard bytes.count - i >= 4, bytes[i..<(i + 4)].allSatisfy(\.isHexDigit),
                              let unit = UInt16(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16)
                        else { return nil }
                        i += 4
                        out.append(unit)
                    default: return nil
                    }
                case 0x00..<0x20: return nil
                default: raw.append(b)
                }
            }
            return nil
        }

        mutating func number() -> Bool {
            _ = eat(UInt8(ascii: "-"))
            if eat(UInt8(ascii: "0")) {
                // no leading zeros
            } else {
                guard digits() else { return false }
            }
            if eat(UInt8(ascii: ".")) { guard digits() else { return false } }
            if eat(UInt8(ascii: "e")) || eat(UInt8(ascii: "E")) {
                if !eat(UInt8(ascii: "+")) { _ = eat(UInt8(ascii: "-")) }
                guard digits() else { return false }
            }
            return true
        }

        mutating func digits() -> Bool {
            let start = i
            while let b = peek, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { i += 1 }
            return i > start
        }
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
