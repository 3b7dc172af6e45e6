import Messages
import Workflow

/// Short forms for building payloads from options (nil = leave the field out).
enum P {
    static func s(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }
    static func i(_ value: Int?) -> JSONValue? { value.map(JSONValue.int) }
    static func b(_ value: Bool?) -> JSONValue? { value.map(JSONValue.bool) }
    static func list(_ values: [String]) -> JSONValue? { values.isEmpty ? nil : .strings(values) }

    /// An object of the given members, or nil when all of them are absent.
    static func object(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue? {
        let value = JSONValue.compact(members)
        return value.objectValue?.isEmpty == false ? .some(value) : .none
    }

    /// A JSON value given on the command line (`--detail '{"k":1}'`); plain text
    /// that is not JSON becomes a string.
    static func json(_ text: String?) -> JSONValue? {
        guard let text else { return nil }
        return (try? JSONValue.parse(Array(text.utf8))) ?? .string(text)
    }
}
