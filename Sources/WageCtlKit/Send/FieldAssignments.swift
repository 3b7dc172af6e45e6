import Duties
import Messages
import Workflow

/// Builds a payload from `--json` and `--field key=value` options.
enum FieldAssignments {
    static func payload(type: String, json: String?, fields: [String]) throws -> JSONValue {
        var root: JSONValue = .object([:])
        if let json {
            guard let parsed = try? JSONValue.parse(Array(json.utf8)) else {
                throw WageCtlError(.usage, "--json is not valid JSON", hint: "quote it for the shell: --json '{\"case_id\":\"…\"}'")
            }
            root = parsed
        }
        for field in fields {
            guard let eq = field.firstIndex(of: "="), eq != field.startIndex else {
                throw WageCtlError(.usage, "--field '\(field)' is not key=value", hint: "e.g. --field case_id=WA-2026-000001")
            }
            let key = String(field[..<eq]), text = String(field[field.index(after: eq)...])
            let value = convert(text, path: key, type: MessageType(rawValue: type))
            root = set(value, at: key.split(separator: ".").map(String.init), in: root)
        }
        return root
    }

    /// `text` as the schema of the field expects it.
    static func convert(_ text: String, path: String, type: MessageType?) -> JSONValue {
        if let type, let spec = FieldDescription.kind(at: path, of: type) {
            switch spec.kind {
            case .int: if let n = Int(text) { return .int(n) }
            case .bool: if text == "true" || text == "false" { return .bool(text == "true") }
            case .object, .array, .any, .oneOf: if let parsed = try? JSONValue.parse(Array(text.utf8)) { return parsed }
            default: return .string(text)
            }
            return .string(text)
        }
        return (try? JSONValue.parse(Array(text.utf8))) ?? .string(text)
    }

    static func set(_ value: JSONValue, at keys: [String], in node: JSONValue) -> JSONValue {
        guard let first = keys.first else { return value }
        var members = node.objectValue ?? [:]
        members[first] = set(value, at: Array(keys.dropFirst()), in: members[first] ?? .object([:]))
        return .object(members)
    }
}
