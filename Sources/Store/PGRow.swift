import Foundation

/// One result row, values in PostgreSQL's text format.
///
/// Look-ups are by column name (the first column wins when a name repeats: alias
/// columns in joins). Typed accessors throw a ``PGError`` with `sqlState == nil`
/// naming the column and value when the value is NULL, missing or malformed;
/// the `optional…` forms return nil for NULL.
public struct PGRow: Sendable {
    let columns: PGColumns
    let values: [String?]

    /// Column names in result order.
    public var columnNames: [String] { columns.names }

    /// The text value, or nil for SQL NULL or an unknown column.
    public subscript(column: String) -> String? {
        guard let i = columns.index[column] else { return nil }
        return values[i]
    }

    /// The text value; throws for NULL or an unknown column.
    public func string(_ col: String) throws -> String {
        guard let value = try optionalString(col) else { throw PGError.decoding(column: col, value: nil, as: "String") }
        return value
    }

    /// The text value, nil for NULL; throws for an unknown column.
    public func optionalString(_ col: String) throws -> String? {
        guard let i = columns.index[col] else { throw PGError.missingColumn(col, available: columns.names) }
        return values[i]
    }

    /// An integer column (`int2`/`int4`/`int8`) as `Int`.
    public func int(_ col: String) throws -> Int { try decode(col, as: "Int") { Int($0) } }

    /// An integer column as `Int`, nil for NULL.
    public func optionalInt(_ col: String) throws -> Int? { try decodeOptional(col, as: "Int") { Int($0) } }

    /// A `bigint` column (e.g. `*_fen` money) as `Int64`.
    public func int64(_ col: String) throws -> Int64 { try decode(col, as: "Int64") { Int64($0) } }

    /// A `bigint` column as `Int64`, nil for NULL.
    public func optionalInt64(_ col: String) throws -> Int64? {
        try decodeOptional(col, as: "Int64") { Int64($0) }
    }

    /// A `boolean` column (`t`/`f`).
    public func bool(_ col: String) throws -> Bool { try decode(col, as: "Bool", PGRow.parseBool) }

    /// A `boolean` column, nil for NULL.
    public func optionalBool(_ col: String) throws -> Bool? { try decodeOptional(col, as: "Bool", PGRow.parseBool) }

    /// A `float8`/`numeric` column as `Double` (never for money: use `int64` on `*_fen`).
    public func double(_ col: String) throws -> Double { try decode(col, as: "Double") { Double($0) } }

    /// A `timestamptz` column (ISO DateStyle, any offset) as `Date`, microsecond precision.
    public func date(_ col: String) throws -> Date { try decode(col, as: "Date", PGTimestamp.parse) }

    /// A `timestamptz` column as `Date`, nil for NULL.
    public func optionalDate(_ col: String) throws -> Date? { try decodeOptional(col, as: "Date", PGTimestamp.parse) }

    /// A one-dimensional `text[]` column; throws for NULL or a NULL element.
    public func stringArray(_ col: String) throws -> [String] {
        try decode(col, as: "[String]") { text in
            guard let elements = PGArrayLiteral.parse(text) else { return nil }
            let strings = elements.compactMap { $0 }
            return strings.count == elements.count ? strings : nil
        }
    }

    private func decode<T>(_ col: String, as type: String, _ parse: (String) -> T?) throws -> T {
        guard let value = try decodeOptional(col, as: type, parse) else {
            throw PGError.decoding(column: col, value: nil, as: type)
        }
        return value
    }

    private func decodeOptional<T>(_ col: String, as type: String, _ parse: (String) -> T?) throws -> T? {
        guard let text = try optionalString(col) else { return nil }
        guard let value = parse(text) else { throw PGError.decoding(column: col, value: text, as: type) }
        return value
    }

    private static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: return nil
        }
    }
}
