import Messages
import Workflow

/// Indented JSON for `--json` output (object keys sorted, so output is stable).
enum JSONPretty {
    static func render(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members) where !members.isEmpty:
            let lines = members.keys.sorted().map { key in
                inner + JSONValue.string(key).serialized + ": " + render(members[key]!, indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return value.serialized
        }
    }

    /// Masks personal data (ID numbers, phone numbers) in every string of `value`.
    static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(Masking.text(s))
        case .array(let items): return .array(items.map(masked))
        case .object(let members): return .object(members.mapValues(masked))
        default: return value
        }
    }
}
