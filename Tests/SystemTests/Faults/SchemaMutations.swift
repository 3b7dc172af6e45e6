import Duties
import Foundation
@testable import Messages
import Workflow

/// One mutation of a valid payload that breaks exactly one field; the router
/// must refuse it `schema:<path>` (CONTRACT §5; the first problem wins, and the
/// mutated field is the only problem).
struct SchemaMutation {
    let label: String
    let body: JSONValue
    let path: String
}

/// Generates, for a valid payload and its schema, every single-field mutation:
/// a required field missing or null, a value of the wrong JSON type, and the
/// absurd values of its kind (amounts, dates, counts, codes, lengths, empty or
/// blank text), recursing into nested objects and the first array element.
enum SchemaMutations {
    static func all(for type: MessageType) -> [SchemaMutation] {
        guard let body = SamplePayloads.valid(for: type).objectValue else { return [] }
        return mutations(of: body, fields: MessageSchemas.fields(for: type), path: "") { .object($0) }
    }

    /// Mutations of the object `object` whose fields are `fields`; `wrap` puts a
    /// changed object back into the whole payload.
    static func mutations(of object: [String: JSONValue], fields: [FieldSpec], path: String,
                          wrap: @escaping ([String: JSONValue]) -> JSONValue) -> [SchemaMutation] {
        var out: [SchemaMutation] = []
        for field in fields {
            let p = path.isEmpty ? field.name : "\(path).\(field.name)"
            func with(_ value: JSONValue?) -> JSONValue { var o = object; o[field.name] = value; return wrap(o) }
            if field.requirement == .required {
                var removed = object
                removed.removeValue(forKey: field.name)
                out.append(.init(label: "\(p) missing", body: wrap(removed), path: p))
                out.append(.init(label: "\(p) null", body: with(.null), path: p))
            }
            guard let current = object[field.name], current != .null else { continue }
            for (label, bad) in badValues(for: field.kind) {
                out.append(.init(label: "\(p) \(label)", body: with(bad), path: p))
            }
            switch (field.kind, current) {
            case (.object(let nested), .object(let inner)):
                out += mutations(of: inner, fields: nested, path: p) { with(.object($0)) }
            case (.array(let element, _, _), .array(let items)) where !items.isEmpty:
                let ep = "\(p)[0]"
                let rest = Array(items.dropFirst())
                if case .object(let nested) = element, case .object(let first) = items[0] {
                    out += mutations(of: first, fields: nested, path: ep) { with(.array([.object($0)] + rest)) }
                }
                for (label, bad) in badValues(for: element) {
                    out.append(.init(label: "\(ep) \(label)", body: with(.array([bad] + rest)), path: ep))
                }
            default: break
            }
        }
        return out
    }

    static let metacharacters = "'; DROP TABLE wage.cases; -- $(touch /tmp/wage-pwned) `id` | rm -rf / && \\\" %s %n {{7*7}}"

    /// Values that are wrong for `kind`, with a label.
    static func badValues(for kind: FieldKind) -> [(String, JSONValue)] {
        let number: JSONValue = .number("42"), text: JSONValue = "42"
        switch kind {
        case .string(let min, let max):
            var v: [(String, JSONValue)] = [("a number", number), ("an object", ["x": "y"])]
            // (A longer string than the body limit would be too_large instead.)
            if max < 10_000 { v.append(("too long", .string(String(repeating: "長", count: max + 1)))) }
            if min >= 1 { v += [("empty", ""), ("blank", " \t\n ")] }
            // U+0000: PostgreSQL text cannot hold it (a worker would fail on it every time).
            v.append(("with U+0000", "a\u{0}b"))
            return v
        case .enumeration(let values):
            return [("a number", number), ("SQL", .string(metacharacters)), ("upper case", .string(values[0].uppercased() + "X")), ("empty", "")]
        case .int(let min, let max):
            // (An integral number in exponent notation, 1e2, is read as the integer 100: accepted.)
            var v: [(String, JSONValue)] = [
                ("a string", text), ("below the minimum", .number("\(min - 1)")), ("a fraction", .number("1.5")),
                ("beyond the database's integer", .number("2147483648")), ("beyond Int64", .number("92233720368547758080"))]
            if max < SchemaBounds.maxInt { v.append(("above the maximum", .number("\(max + 1)"))) }
            return v
        case .bool:
            return [("a string", "true"), ("a number", .number("1"))]
        case .money:
            return [("a JSON number", .number("125000")), ("negative", "-5.00"), ("zero", "0"), ("zero with cents", "0.00"),
                    ("three decimals", "1.234"), ("an exponent", "1e5"), ("above 10^12 yuan", "1000000000000.01"),
                    ("thousands separator", "12,000.00"), ("spaces", " 12.00"), ("not a number", "NaN"),
                    ("full-width digits", "１２３.００"), ("shell", .string(metacharacters))]
        case .amount:
            return [("a JSON number", .number("0")), ("negative", "-0.01"), ("three decimals", "0.001"),
                    ("above 10^12 yuan", "1000000000000.01"), ("not a number", "NaN")]
        case .month:
            return [("a day", "2026-04-01"), ("month 13", "2026-13"), ("unpadded", "2026-4"), ("before 2000", "1999-12"),
                    ("a number", .number("202604")), ("SQL", .string(metacharacters))]
        case .day:
            return [("30 February", "2026-02-30"), ("year 226", "0226-03-01"), ("five-digit year", "20260-01-01"),
                    ("after 2100", "2101-01-01"), ("before 2000", "1999-12-31"), ("unpadded", "2026-1-5"),
                    ("an instant", "2026-03-01T00:00:00Z"), ("a number", .number("20260301")), ("SQL", .string(metacharacters))]
        case .instant:
            return [("a day", "2026-03-01"), ("no zone", "2026-03-01T09:30:00"), ("a number", number)]
        case .principal, .sector, .messageType, .rejectionReason:
            return [("a number", number), ("shell", .string(metacharacters)), ("upper case", "HRSS"), ("empty", "")]
        case .object:
            return [("a string", "x"), ("an array", .array([]))]
        case .array(_, let minCount, _):
            var v: [(String, JSONValue)] = [("an object", ["x": "y"]), ("a string", "x")]
            if minCount >= 1 { v.append(("empty", .array([]))) }
            return v
        case .oneOf:
            return [("a number", number), ("an array", .array([]))]
        case .any:
            return []
        }
    }
}
