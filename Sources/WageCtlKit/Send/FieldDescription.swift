import Duties
import Messages
import Workflow

/// Plain-language descriptions of payload fields, for explaining a refusal.
enum FieldDescription {
    /// What a value of `kind` must look like.
    static func describe(_ kind: FieldKind) -> String {
        switch kind {
        case .string(let minLength, let maxLength):
            return minLength <= 1 && maxLength == SchemaBounds.maxIDLength
                ? "an identifier of 1 to \(maxLength) characters"
                : "text of \(max(minLength, 1)) to \(maxLength) characters, not only spaces"
        case .enumeration(let values): return "one of " + values.joined(separator: ", ")
        case .int(let min, let max):
            return max >= SchemaBounds.maxInt ? "a whole number ≥ \(min)" : "a whole number from \(min) to \(max)"
        case .bool: return "true or false"
        case .money: return "an amount in yuan with at most 2 decimals, greater than 0, e.g. 125000.00"
        case .amount: return "an amount in yuan with at most 2 decimals, 0 or more, e.g. 0.00 or 7800.00"
        case .month: return "a month YYYY-MM, e.g. 2026-04"
        case .day: return "a date YYYY-MM-DD between 2000-01-01 and 2100-12-31"
        case .instant: return "an RFC 3339 instant, e.g. 2026-03-01T09:30:00+08:00"
        case .object: return "an object"
        case .array(let element, let minCount, let maxCount):
            let count = maxCount >= SchemaBounds.maxArrayCount ? "at least \(minCount)" : "\(minCount) to \(maxCount)"
            return "a list of \(count) item(s), each \(describe(element))"
        case .principal: return "a principal code (" + Principal.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        case .sector: return "a sector (" + Sector.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        case .messageType: return "a message type"
        case .rejectionReason: return "a rejection reason code of CONTRACT §5"
        case .any: return "any JSON value"
        case .oneOf(let kinds): return kinds.map(describe).joined(separator: ", or ")
        }
    }

    /// The spec of the field at a schema path such as `employer.name`,
    /// `evidence[0].kind` or `notify[1]` (nil when the path leaves the schema).
    static func kind(at path: String, of type: MessageType) -> (kind: FieldKind, required: Bool)? {
        var fields = MessageSchemas.fields(for: type)
        var current: (kind: FieldKind, required: Bool)?
        for segment in path.split(separator: ".") {
            let name = segment.split(separator: "[").first.map(String.init) ?? String(segment)
            guard let spec = fields.first(where: { $0.name == name }) else { return nil }
            var kind = spec.kind
            let indexCount = segment.filter { $0 == "[" }.count
            for _ in 0..<indexCount {
                guard case .array(let element, _, _) = kind else { return nil }
                kind = element
            }
            current = (kind, spec.requirement != .optional)
            if case .object(let nested) = kind { fields = nested } else { fields = [] }
        }
        return current
    }

    /// The command-line option that sets a top-level field (`amount_owed` → `--amount-owed`).
    static func option(for path: String) -> String {
        "--" + path.replacingOccurrences("_", "-").replacingOccurrences(".", "-")
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
