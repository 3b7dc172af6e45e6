/// Whether a process can do its work now, and if not, why (`GET /readyz`).
public struct Readiness: Sendable, Equatable {
    /// True when every check of every component passed.
    public let isReady: Bool
    /// One short sentence per failed check, e.g. `hrss-consumer: database not connected`.
    public let reasons: [String]

    /// A verdict; `isReady` is true exactly when `reasons` is empty.
    public init(reasons: [String]) {
        self.reasons = reasons
        self.isReady = reasons.isEmpty
    }

    /// The body of `/readyz`: `{"status":"ready"}` or
    /// `{"status":"not_ready","reasons":[...]}`.
    public var json: String {
        guard !isReady else { return "{\"status\":\"ready\"}\n" }
        let list = reasons.map { "\"\(Self.escape($0))\"" }.joined(separator: ",")
        return "{\"status\":\"not_ready\",\"reasons\":[\(list)]}\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += "\\u" + hex4(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Four hexadecimal digits (JSON's `\uXXXX`).
    static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// What `/readyz` asks: the state the process's own threads published. The HTTP
/// handler never reaches a broker or a database itself.
public protocol ReadinessSource: Sendable {
    /// The verdict now (cheap: reads published state under a lock).
    func readiness() -> Readiness
}
