/// Field-by-field reading of a message payload for the typed message structs.
///
/// Every failure is `RejectionReason.schema("<path>")`, where `<path>` is the field
/// name, dotted for nested objects (`employer.name`) and indexed for arrays
/// (`evidence[1].kind`). JSON `null` counts as absent. Required strings must not be
/// empty or blank.
public struct FieldReader: Sendable {
    /// The object being read.
    public let object: [String: JSONValue]
    /// The path of this object inside the payload ("" at the top).
    public let path: String

    public init(_ object: [String: JSONValue], path: String = "") {
        self.object = object
        self.path = path
    }

    /// The full path of `key` for error reporting.
    public func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value of `key`, `nil` when absent or `null`.
    public func value(_ key: String) -> JSONValue? {
        guard let v = object[key], v != .null else { return nil }
        return v
    }

    func fail(_ key: String) -> RejectionReason { .schema(field(key)) }

    func required<T>(_ key: String, _ read: (String) throws(RejectionReason) -> T?) throws(RejectionReason) -> T {
        guard let v = try read(key) else { throw fail(key) }
        return v
    }

    // MARK: strings

    /// An optional string; a present non-string is malformed. Blank counts as absent.
    public func optionalString(_ key: String) throws(RejectionReason) -> String? {
        guard let v = value(key) else { return nil }
        guard let s = v.stringValue else { throw fail(key) }
        return s.allSatisfy(\.isWhitespace) ? nil : s
    }

    /// A required, non-blank string.
    public func string(_ key: String) throws(RejectionReason) -> String {
        try required(key, optionalString)
    }

    /// An optional value of a string enumeration.
    public func optionalEnumeration<T: RawRepresentable>(_ key: String, _: T.Type = T.self) throws(RejectionReason) -> T?
    where T.RawValue == String {
        guard let s = try optionalString(key) else { return nil }
        guard let v = T(rawValue: s) else { throw fail(key) }
        return v
    }

    /// A required value of a string enumeration.
    public func enumeration<T: RawRepresentable>(_ key: String, _: T.Type = T.self) throws(RejectionReason) -> T
    where T.RawValue == String {
        try required(key) { (k: String) throws(RejectionReason) -> T? in try optionalEnumeration(k, T.self) }
    }

    // MARK: money, dates, numbers, booleans

    /// An optional wire amount (yuan string, at most 2 decimals, greater than zero).
    public func optionalMoney(_ key: String) throws(RejectionReason) -> Money? {
        guard let v = value(key) else { return nil }
        guard let s = v.stringValue, let m = Money(yuan: s), m > .zero else { throw fail(key) }
        return m
    }

    /// A required wire amount greater than zero.
    public func money(_ key: String) throws(RejectionReason) -> Money { try required(key, optionalMoney) }

    /// An optional wire figure that may be zero (`"0.00"`; `FieldKind.amount`).
    public func optionalAmount(_ key: String) throws(RejectionReason) -> Money? {
        guard let v = value(key) else { return nil }
        guard let s = v.stringValue, let m = Money(yuan: s) else { throw fail(key) }
        return m
    }

    /// A required wire figure that may be zero.
    public func amount(_ key: String) throws(RejectionReason) -> Money { try required(key, optionalAmount) }

    /// An optional `YYYY-MM` month.
    public func optionalMonth(_ key: String) throws(RejectionReason) -> Month? {
        guard let v = value(key) else { return nil }
        guard let s = v.stringValue, let m = Month(iso: s) else { throw fail(key) }
        return m
    }

    /// A required `YYYY-MM` month.
    public func month(_ key: String) throws(RejectionReason) -> Month { try required(key, optionalMonth) }

    /// An optional ISO date.
    public func optionalDay(_ key: String) throws(RejectionReason) -> Day? {
        guard let v = value(key) else { return nil }
        guard let s = v.stringValue, let d = Day(iso: s) else { throw fail(key) }
        return d
    }

    /// A required ISO date.
    public func day(_ key: String) throws(RejectionReason) -> Day { try required(key, optionalDay) }

    /// An optional integer not below `minimum`.
    public func optionalInt(_ key: String, minimum: Int = .min) throws(RejectionReason) -> Int? {
        guard let v = value(key) else { return nil }
        guard let i = v.intValue, i >= minimum else { throw fail(key) }
        return i
    }

    /// A required integer not below `minimum`.
    public func int(_ key: String, minimum: Int = .min) throws(RejectionReason) -> Int {
        try required(key) { (k: String) throws(RejectionReason) -> Int? in try optionalInt(k, minimum: minimum) }
    }

    /// An optional boolean.
    public func optionalBool(_ key: String) throws(RejectionReason) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.boolValue else { throw fail(key) }
        return b
    }

    /// A required boolean.
    public func bool(_ key: String) throws(RejectionReason) -> Bool { try required(key, optionalBool) }

    // MARK: nested

    /// An optional nested object.
    public func optionalObject(_ key: String) throws(RejectionReason) -> FieldReader? {
        guard let v = value(key) else { return nil }
        guard let o = v.objectValue else { throw fail(key) }
        return FieldReader(o, path: field(key))
    }

    /// A required nested object.
    public func object(_ key: String) throws(RejectionReason) -> FieldReader { try required(key, optionalObject) }

    /// An optional array of objects (each with path `key[i]`).
    public func optionalObjects(_ key: String) throws(RejectionReason) -> [FieldReader]? {
        guard let v = value(key) else { return nil }
        guard let items = v.arrayValue else { throw fail(key) }
        var readers: [FieldReader] = []
        for (i, item) in items.enumerated() {
            guard let o = item.objectValue else { throw .schema("\(field(key))[\(i)]") }
            readers.append(FieldReader(o, path: "\(field(key))[\(i)]"))
        }
        return readers
    }

    /// A required array of objects (may be empty).
    public func objects(_ key: String) throws(RejectionReason) -> [FieldReader] { try required(key, optionalObjects) }

    /// An optional array of non-blank strings.
    public func optionalStrings(_ key: String) throws(RejectionReason) -> [String]? {
        guard let v = value(key) else { return nil }
        guard let items = v.arrayValue else { throw fail(key) }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue, !s.allSatisfy(\.isWhitespace) else { throw .schema("\(field(key))[\(i)]") }
            out.append(s)
        }
        return out
    }
}
