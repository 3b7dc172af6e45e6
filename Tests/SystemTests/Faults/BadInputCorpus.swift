import Duties
import Foundation
@testable import Messages
import Workflow

/// One message of the bad-input corpus and the §5 reason the router must give.
struct CorpusEntry {
    let id: String
    let sender: Principal
    let type: String?
    let body: [UInt8]
    var contentType: String? = "application/json"
    var userID: String?
    let expected: String
    let label: String
    /// The id under which the refusal is recorded (the log keeps 128 characters).
    var recordedID: String { String(id.prefix(128)) }
}

/// The generated corpus: envelope and body damage (truncated, malformed, not an
/// object, invalid UTF-8, too deep, too large, wrong content type, missing or
/// over-long properties, unknown types) from every principal for every type, and
/// every single-field schema mutation of every type from every principal
/// (`forbidden_sender` where the duty list does not allow the sender: the sender
/// is checked before the payload).
enum BadInputCorpus {
    static let senders = Principal.allCases.filter { $0 != .router }

    static func build(tag: String, dutyList: DutyList) -> [CorpusEntry] {
        var entries: [CorpusEntry] = []
        var n = 0
        func nextID() -> String { n += 1; return "bad-\(tag)-\(n)" }
        for (s, sender) in senders.enumerated() {
            for (t, type) in MessageType.allCases.enumerated() {
                let damage = envelopeDamage(type: type)
                let (label, d) = damage[(s * 7 + t) % damage.count]
                var id = nextID()
                if d.longID { id += "-" + String(repeating: "x", count: 130) }
                entries.append(CorpusEntry(id: id, sender: sender, type: d.type ?? type.rawValue, body: d.body,
                                           contentType: d.contentType, userID: d.userID, expected: d.expected,
                                           label: "\(type.rawValue): \(label)"))
            }
            var huge = SamplePayloads.valid(for: .clueReport).objectValue!
            huge["description"] = .string(String(repeating: "x", count: 300_000))
            entries.append(CorpusEntry(id: nextID(), sender: sender, type: "clue.report", body: Array(JSONValue.object(huge).serialized.utf8),
                                       expected: "too_large", label: "clue.report: 300 KB body"))
        }
        for type in MessageType.allCases {
            for mutation in SchemaMutations.all(for: type) {
                let body = Array(mutation.body.serialized.utf8)
                for sender in senders {
                    // Whether the sender may send it at all: the duty list's senders, and for a
                    // message of a project's regulator the regulator of the payload's sector
                    // (project.register) or of the sample project (seeded: housing); a sector
                    // without a regulator is schema:sector whoever sends it (§7.8).
                    let forbidden = Duties.route(type: type.rawValue, sender: sender.rawValue, body: mutation.body,
                                                 dutyList: dutyList, projects: SampleProjects.sector) == .reject(.forbiddenSender)
                    entries.append(CorpusEntry(
                        id: nextID(), sender: sender, type: type.rawValue, body: body,
                        expected: forbidden ? "forbidden_sender" : "schema:\(mutation.path)",
                        label: "\(type.rawValue): \(mutation.label)"))
                }
            }
        }
        return entries
    }

    struct Damage {
        var body: [UInt8]
        var expected: String
        var type: String? = nil
        var contentType: String? = "application/json"
        var userID: String? = nil
        var longID = false
    }

    /// Damage to the envelope or the body of a valid message of `type`.
    static func envelopeDamage(type: MessageType) -> [(String, Damage)] {
        let valid = Array(SamplePayloads.valid(for: type).serialized.utf8)
        let inner = Array(valid.dropFirst())  // the object without its opening brace
        func prefixed(_ text: [UInt8]) -> [UInt8] { Array("{".utf8) + text + (inner.first == UInt8(ascii: "}") ? [UInt8(ascii: "}")] : Array(",".utf8) + inner) }
        let multibyte = valid.firstIndex { $0 >= 0xC0 } ?? valid.count / 2
        return [
            ("truncated in half", Damage(body: Array(valid.prefix(valid.count / 2)), expected: "invalid_json")),
            ("truncated inside a UTF-8 character", Damage(body: Array(valid.prefix(multibyte + 1)), expected: "invalid_json")),
            ("trailing comma", Damage(body: Array(valid.dropLast()) + Array(",}".utf8), expected: "invalid_json")),
            ("two objects", Damage(body: valid + valid, expected: "invalid_json")),
            ("single quotes", Damage(body: Array("{'case_id':'C-0001'}".utf8), expected: "invalid_json")),
            ("an array", Damage(body: Array("[".utf8) + valid + Array("]".utf8), expected: "invalid_json")),
            ("a string", Damage(body: Array("\"{}\"".utf8), expected: "invalid_json")),
            ("a number", Damage(body: Array("42".utf8), expected: "invalid_json")),
            ("null", Damage(body: Array("null".utf8), expected: "invalid_json")),
            ("empty", Damage(body: [], expected: "invalid_json")),
            ("invalid UTF-8", Damage(body: prefixed(Array("\"bad\":\"".utf8) + [0xFF, 0xFE] + Array("\"".utf8)), expected: "invalid_json")),
            ("overlong UTF-8", Damage(body: prefixed(Array("\"bad\":\"".utf8) + [0xC0, 0xAF] + Array("\"".utf8)), expected: "invalid_json")),
            ("trailing comma in an array", Damage(body: prefixed(Array("\"bad\":[1,2,]".utf8)), expected: "invalid_json")),
            ("duplicate key", Damage(body: prefixed(Array("\"dup\":1,\"dup\":2".utf8)), expected: "invalid_json")),
            ("raw control character in a string", Damage(body: prefixed(Array("\"bad\":\"a".utf8) + [0x09] + Array("b\"".utf8)), expected: "invalid_json")),
            ("leading zero", Damage(body: prefixed(Array("\"bad\":012".utf8)), expected: "invalid_json")),
            ("NaN", Damage(body: prefixed(Array("\"bad\":NaN".utf8)), expected: "invalid_json")),
            ("nested 600 deep", Damage(body: prefixed(Array(("\"bad\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)),
                                       expected: "invalid_json")),
            ("content type text/plain", Damage(body: valid, expected: "invalid_json", contentType: "text/plain")),
            ("no content type", Damage(body: valid, expected: "missing_property:content_type", contentType: nil)),
            ("no user_id", Damage(body: valid, expected: "missing_property:user_id", userID: "")),
            ("message id of 160 characters", Damage(body: valid, expected: "missing_property:message_id", longID: true)),
            ("empty type", Damage(body: valid, expected: "missing_property:type", type: "")),
            ("unknown type", Damage(body: valid, expected: "unknown_type", type: "case.teleport")),
            ("type in upper case", Damage(body: valid, expected: "unknown_type", type: type.rawValue.uppercased())),
            ("type with a trailing space", Damage(body: valid, expected: "unknown_type", type: type.rawValue + " ")),
        ]
    }
}
