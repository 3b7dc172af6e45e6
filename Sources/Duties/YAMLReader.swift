import Messages
import Workflow
import Yams

/// Reads Yams nodes for the duty-list loader, turning every shape problem into a
/// `DutyListError` that carries the file and the node's 1-based line.
struct YAMLReader {
    let file: String

    /// An error at `node`'s line (when it has a mark).
    func error(_ reason: DutyListError.Reason, at node: Node?) -> DutyListError {
        DutyListError(file: file, line: node?.mark?.line, reason: reason)
    }

    /// One `key: value` pair of a mapping, with the key's node for error lines.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    /// The entries of a mapping, in file order; refuses non-mappings, non-scalar
    /// keys and duplicate keys (reported at the second occurrence).
    func entries(_ node: Node, what: String) throws(DutyListError) -> [Entry] {
        guard case .mapping(let mapping) = node else { throw error(.wrongType(expected: "\(what) to be a mapping"), at: node) }
        var seen = Set<String>()
        var out: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { throw error(.wrongType(expected: "a plain key in \(what)"), at: keyNode) }
            guard seen.insert(scalar.string).inserted else { throw error(.duplicateKey(scalar.string), at: keyNode) }
            out.append(Entry(key: scalar.string, keyNode: keyNode, value: value))
        }
        return out
    }

    /// Entries restricted to `allowed` keys, with `required` keys present.
    func entries(_ node: Node, what: String, allowed: [String], required: [String]) throws(DutyListError) -> [String: Entry] {
        var byKey: [String: Entry] = [:]
        for entry in try entries(node, what: what) {
            guard allowed.contains(entry.key) else { throw error(.unknownKey("\(entry.key) in \(what)"), at: entry.keyNode) }
            byKey[entry.key] = entry
        }
        for key in required where byKey[key] == nil { throw error(.missingKey("\(key) in \(what)"), at: node) }
        return byKey
    }

    /// The value of a key that `entries(_:what:allowed:required:)` checked to be present.
    func value(_ byKey: [String: Entry], _ key: String, of node: Node) throws(DutyListError) -> Node {
        guard let entry = byKey[key] else { throw error(.missingKey(key), at: node) }
        return entry.value
    }

    /// A scalar's text, refusing mappings, sequences and nulls.
    func scalar(_ node: Node, what: String) throws(DutyListError) -> String {
        guard case .scalar(let scalar) = node, node.null == nil else {
            throw error(.wrongType(expected: "\(what) to be a scalar"), at: node)
        }
        return scalar.string
    }

    /// A non-empty string scalar.
    func text(_ node: Node, what: String) throws(DutyListError) -> String {
        let value = try scalar(node, what: what)
        guard !value.allSatisfy(\.isWhitespace) else { throw error(.wrongType(expected: "\(what) to be non-empty text"), at: node) }
        return value
    }

    /// A `true`/`false` scalar.
    func bool(_ node: Node, what: String) throws(DutyListError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error(.wrongType(expected: "\(what) to be true or false"), at: node) }
        return value
    }

    /// The items of a sequence.
    func items(_ node: Node, what: String) throws(DutyListError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(.wrongType(expected: "\(what) to be a list"), at: node) }
        return Array(sequence)
    }

    /// Whether a principal list names senders or recipients (decides the error for
    /// a known code that is not declared under `principals`).
    enum Role { case sender, recipient }

    /// A non-empty list of distinct principal codes, each declared under `principals`.
    func principals(_ node: Node, what: String, declared: Set<Principal>, role: Role) throws(DutyListError) -> [Principal] {
        let nodes = try items(node, what: what)
        guard !nodes.isEmpty else { throw error(.emptyList(what), at: node) }
        var out: [Principal] = []
        for item in nodes {
            let principal = try self.principal(item, what: what, declared: declared, role: role)
            guard !out.contains(principal) else { throw error(.duplicateKey("\(principal.rawValue) in \(what)"), at: item) }
            out.append(principal)
        }
        return out
    }

    /// One principal code, declared under `principals`.
    func principal(_ node: Node, what: String, declared: Set<Principal>, role: Role) throws(DutyListError) -> Principal {
        let code = try scalar(node, what: what)
        guard let principal = Principal(rawValue: code) else { throw error(.unknownPrincipal(code), at: node) }
        guard declared.contains(principal) else {
            throw error(role == .sender ? .undeclaredSender(code) : .recipientOutsidePrincipals(code), at: node)
        }
        return principal
    }
}
