import Foundation

/// A value that can be sent as a query parameter (`$1`, `$2`, …) in text format.
///
/// `pgText` is the PostgreSQL text representation, or nil for SQL NULL. Values
/// travel separately from the SQL text (`PQexecParams` / `PQexecPrepared`), so
/// quotes, backslashes and SQL metacharacters stay data. PostgreSQL text cannot
/// hold NUL: a parameter containing U+0000 is refused with SQLSTATE `22021`.
public protocol PGBindable {
    /// Text form of the value; nil binds SQL NULL.
    var pgText: String? { get }
}

extension String: PGBindable {
    public var pgText: String? { self }
}

extension Substring: PGBindable {
    public var pgText: String? { String(self) }
}

extension Int: PGBindable {
    public var pgText: String? { String(self) }
}

extension Int64: PGBindable {
    public var pgText: String? { String(self) }
}

extension Int32: PGBindable {
    public var pgText: String? { String(self) }
}

extension Bool: PGBindable {
    /// `"true"` or `"false"`.
    public var pgText: String? { self ? "true" : "false" }
}

extension Double: PGBindable {
    /// Shortest round-tripping decimal; `NaN`, `Infinity`, `-Infinity` as PostgreSQL spells them.
    public var pgText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}

extension Optional: PGBindable where Wrapped: PGBindable {
    /// nil binds SQL NULL.
    public var pgText: String? {
        switch self {
        case .none: return nil
        case .some(let value): return value.pgText
        }
    }
}

extension Array: PGBindable where Element == String {
    /// A `text[]` literal with every element quoted and escaped, e.g. `{"a","b\"c"}`.
    public var pgText: String? { PGArrayLiteral.encode(self) }
}

extension Date: PGBindable {
    /// RFC 3339 in UTC with microseconds, e.g. `2026-03-01T08:30:00.000000Z` (for `timestamptz`).
    public var pgText: String? { PGTimestamp.format(self) }
}
