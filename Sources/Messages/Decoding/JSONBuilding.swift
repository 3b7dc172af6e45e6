/// Small helpers to build outgoing payloads and timeline details.
extension JSONValue {
    /// A wire amount: `"125000.00"`.
    public static func money(_ m: Money) -> JSONValue { .string(m.yuanString) }
    /// An ISO date: `"2026-02-13"`.
    public static func day(_ d: Day) -> JSONValue { .string(d.iso) }
    /// A principal code: `"housing"`.
    public static func principal(_ p: Principal) -> JSONValue { .string(p.rawValue) }
    /// An integer.
    public static func int(_ i: Int) -> JSONValue { .number(String(i)) }
    /// A list of principal codes, in the given order.
    public static func principals(_ ps: [Principal]) -> JSONValue { .array(ps.map(principal)) }
    /// A list of strings.
    public static func strings(_ ss: [String]) -> JSONValue { .array(ss.map(JSONValue.string)) }

    /// An object from optional members: `nil` members are left out.
    public static func compact(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for (k, v) in members { if let v { o[k] = v } }
        return .object(o)
    }
}
