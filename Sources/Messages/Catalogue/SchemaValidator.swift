

/// Checks a JSON payload against a list of `FieldSpec`s.
///
/// Order: the fields of an object in their declared order; for each, presence
/// first, then its value (recursively, depth first). The first problem wins, so
/// the answer is deterministic.
///
/// Path format: top-level field `amount_owed`; nested object field
/// `employer.name`; array element `notify[1]`; field of an array element
/// `evidence[0].kind` (indices are 0-based).
///
/// A `null` value counts as absent. Unknown extra fields are allowed.
public enum SchemaValidator {
    /// `nil` when `body` is an object matching `fields`; `.invalidJSON` when it is
    /// not an object; otherwise `.schema(path)` of the first problem.
    public static func validate(body: JSONValue, fields: [FieldSpec]) -> RejectionReason? {
        guard case .object(let object) = body else { return .invalidJSON }
        if let problem = check(object: object, fields: fields, prefix: "") { return .schema(problem) }
        // U+0000 cannot be stored in PostgreSQL text or jsonb: refused anywhere, also in
        // free-form (`any`) values and unknown extra fields (a worker would fail on it forever).
        return firstNUL(in: body, path: "").map { .schema($0) }
    }

    /// The path of the first string or member name (sorted, depth first) holding U+0000.
    static func firstNUL(in value: JSONValue, path: String) -> String? {
        switch value {
        case .string(let s): return s.unicodeScalars.contains("\u{0}") ? path : nil
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let p = firstNUL(in: item, path: "\(path)[\(index)]") { return p }
            }
        case .object(let members):
            for name in members.keys.sorted() {
                let p = path.isEmpty ? name : "\(path).\(name)"
                if name.unicodeScalars.contains("\u{0}") { return p }
                if let q = firstNUL(in: members[name]!, path: p) { return q }
            }
        default: break
        }
        return nil
    }

    /// The path of the first problem of `value` against `kind`, or `nil` when it is valid.
    /// `path` is the path of `value` itself.
    public static func check(value: JSONValue, kind: FieldKind, path: String) -> String? {
        switch kind {
        case .string(let minLength, let maxLength):
            guard case .string(let s) = value, isValid(s, minLength: minLength, maxLength: maxLength) else { return path }
        case .enumeration(let values):
            guard case .string(let s) = value, values.contains(s) else { return path }
        case .int(let min, let max):
            guard let n = value.intValue, n >= min, n <= Swift.min(max, SchemaBounds.maxInt) else { return path }
        case .bool:
            guard case .bool = value else { return path }
        case .money:
            guard case .string(let s) = value, let money = Money(yuan: s), money > .zero,
                  money <= Money.wireMaximum else { return path }
        case .amount:
            guard case .string(let s) = value, let money = Money(yuan: s), money <= Money.wireMaximum else { return path }
        case .month:
            guard case .string(let s) = value, let month = Month(iso: s), SchemaBounds.months.contains(month) else { return path }
        case .day:
            guard case .string(let s) = value, let day = Day(iso: s), SchemaBounds.days.contains(day) else { return path }
        case .instant:
            guard case .string(let s) = value, RFC3339.isValid(s) else { return path }
        case .object(let fields):
            guard case .object(let object) = value else { return path }
            return check(object: object, fields: fields, prefix: path + ".")
        case .array(let element, let minCount, let maxCount):
            guard case .array(let items) = value, items.count >= minCount, items.count <= maxCount else { return path }
            for (index, item) in items.enumerated() {
                if let problem = check(value: item, kind: element, path: "\(path)[\(index)]") { return problem }
            }
        case .principal:
            guard case .string(let s) = value, Principal(rawValue: s) != nil else { return path }
        case .sector:
            guard case .string(let s) = value, Sector(rawValue: s) != nil else { return path }
        case .messageType:
            guard case .string(let s) = value, MessageType(rawValue: s) != nil else { return path }
        case .rejectionReason:
            guard case .string(let s) = value, isRejectionCode(s) else { return path }
        case .any:
            return nil
        case .oneOf(let kinds):
            guard kinds.contains(where: { check(value: value, kind: $0, path: path) == nil }) else { return path }
        }
        return nil
    }

    private static func check(object: [String: JSONValue], fields: [FieldSpec], prefix: String) -> String? {
        for field in fields {
            let path = prefix + field.name
            let value = object[field.name]
            if value == nil || value == .null {
                if isRequired(field.requirement, in: object) { return path }
                continue
            }
            if let value, let problem = check(value: value, kind: field.kind, path: path) { return problem }
        }
        return nil
    }

    private static func isRequired(_ requirement: Requirement, in object: [String: JSONValue]) -> Bool {
        requirement.applies(in: object)
    }

    /// Length in characters within bounds; a non-empty string must not be only whitespace.
    private static func isValid(_ s: String, minLength: Int, maxLength: Int) -> Bool {
        let count = s.count
        guard count >= minLength, count <= maxLength, !s.unicodeScalars.contains("\u{0}") else { return false }
        if minLength >= 1, s.allSatisfy(\.isWhitespace) { return false }
        return true
    }

    private static func isRejectionCode(_ code: String) -> Bool {
        switch RejectionReason(code: code) {
        case nil: return false
        case .schema(let field)?, .missingProperty(let field)?: return !field.isEmpty
        default: return true
        }
    }
}
