import Messages
import Workflow
import Yams

/// Parses the `messages:` section of a duty list: for every message type, `from`,
/// `to` and optional `copy_to`. Payload fields named by `to` are checked against
/// `MessageSchemas`, so a rule can never point at a field the schema does not have.
struct MessageDutyParser {
    let reader: YAMLReader
    let declared: Set<Principal>

    /// Every entry; then every `MessageType` must have one.
    func parseAll(_ node: Node) throws(DutyListError) -> [MessageType: MessageDuty] {
        var duties: [MessageType: MessageDuty] = [:]
        for entry in try reader.entries(node, what: "messages") {
            guard let type = MessageType(rawValue: entry.key) else {
                throw reader.error(.unknownMessageType(entry.key), at: entry.keyNode)
            }
            duties[type] = try parse(type, entry.value)
        }
        for type in MessageType.partOne where duties[type] == nil {
            throw reader.error(.missingMessageType(type.rawValue), at: node)
        }
        return duties
    }

    private func parse(_ type: MessageType, _ node: Node) throws(DutyListError) -> MessageDuty {
        let name = type.rawValue
        let fields = try reader.entries(node, what: name, allowed: ["from", "to", "copy_to", "project", "report_kind"],
                                        required: ["from", "to"])
        let project = try fields["project"].map { entry throws(DutyListError) in try parseProject(type, entry.value) }
        let (senders, regulatorSends) = try parties(try reader.value(fields, "from", of: node), what: "from of \(name)",
                                                    role: .sender, project: project)
        let toNode = try reader.value(fields, "to", of: node)
        var regulatorReceives = false
        let destination = try parseDestination(type, toNode, project: project, regulatorReceives: &regulatorReceives)
        var copyTo: [Principal] = []
        if let copyNode = fields["copy_to"]?.value {
            guard destination != .deadLetter else {
                throw reader.error(.badToSpec("copy_to with dead_letter in \(name)"), at: copyNode)
            }
            copyTo = try reader.principals(copyNode, what: "copy_to of \(name)", declared: declared, role: .recipient)
        }
        let reportKind = try fields["report_kind"].map { entry throws(DutyListError) in try parseReportKind(type, entry.value) }
        return MessageDuty(type: type, senders: senders, destination: destination, copyTo: copyTo, project: project,
                           regulatorMaySend: regulatorSends, regulatorReceives: regulatorReceives, reportKind: reportKind)
    }

    /// `{ field: K, figures: F }`: K (a text field) names the kind of return, F (an object field) holds its figures.
    private func parseReportKind(_ type: MessageType, _ node: Node) throws(DutyListError) -> ReportKindRule {
        let name = type.rawValue
        let entries = try reader.entries(node, what: "report_kind of \(name)", allowed: ["field", "figures"],
                                         required: ["field", "figures"])
        let fieldNode = try reader.value(entries, "field", of: node), figuresNode = try reader.value(entries, "figures", of: node)
        let field = try reader.scalar(fieldNode, what: "report_kind.field of \(name)")
        guard case .string? = MessageSchemas.field(field, of: type)?.kind else {
            throw reader.error(.badToSpec("\(name) has no text payload field \(field)"), at: fieldNode)
        }
        let figures = try reader.scalar(figuresNode, what: "report_kind.figures of \(name)")
        guard case .object? = MessageSchemas.field(figures, of: type)?.kind else {
            throw reader.error(.badToSpec("\(name) has no object payload field \(figures)"), at: figuresNode)
        }
        return ReportKindRule(field: field, figures: figures)
    }

    /// `{ field: F, sector: S }`: F names the project (a text field of the schema); S,
    /// on the message that registers a project, its sector.
    private func parseProject(_ type: MessageType, _ node: Node) throws(DutyListError) -> ProjectRule {
        let name = type.rawValue
        let entries = try reader.entries(node, what: "project of \(name)", allowed: ["field", "sector"], required: ["field"])
        let fieldNode = try reader.value(entries, "field", of: node)
        let field = try reader.scalar(fieldNode, what: "project.field of \(name)")
        guard case .string? = MessageSchemas.field(field, of: type)?.kind else {
            throw reader.error(.badToSpec("\(name) has no text payload field \(field)"), at: fieldNode)
        }
        var sectorField: String?
        if let sectorNode = entries["sector"]?.value {
            let sector = try reader.scalar(sectorNode, what: "project.sector of \(name)")
            try requireField(sector, of: type, matching: .sector, at: sectorNode)
            sectorField = sector
        }
        return ProjectRule(field: field, sectorField: sectorField)
    }

    /// A list of principal codes in which `regulator` (the project's regulator) may
    /// stand for one of them, on project messages only.
    private func parties(_ node: Node, what: String, role: YAMLReader.Role,
                         project: ProjectRule?) throws(DutyListError) -> ([Principal], Bool) {
        let items = try reader.items(node, what: what)
        guard !items.isEmpty else { throw reader.error(.emptyList(what), at: node) }
        var out: [Principal] = []
        var regulator = false
        for item in items {
            if case .scalar(let scalar) = item, scalar.string == "regulator" {
                guard project != nil else {
                    throw reader.error(.badToSpec("regulator in \(what) needs a project rule"), at: item)
                }
                guard !regulator else { throw reader.error(.duplicateKey("regulator in \(what)"), at: item) }
                regulator = true
                continue
            }
            let principal = try reader.principal(item, what: what, declared: declared, role: role)
            guard !out.contains(principal) else { throw reader.error(.duplicateKey("\(principal.rawValue) in \(what)"), at: item) }
            out.append(principal)
        }
        return (out, regulator)
    }

    /// `dead_letter`, `{ fixed: [...] }`, `{ payload: F, many: B, allowed: [...] }`
    /// or `{ sector: F, must_match: G }`.
    private func parseDestination(_ type: MessageType, _ node: Node, project: ProjectRule?,
                                  regulatorReceives: inout Bool) throws(DutyListError) -> Destination {
        let name = type.rawValue
        switch node {
        case .scalar:
            let text = try reader.scalar(node, what: "to of \(name)")
            guard text == "dead_letter" else { throw reader.error(.badToSpec("unknown destination '\(text)' in \(name)"), at: node) }
            return .deadLetter
        case .mapping:
            break
        default:
            throw reader.error(.badToSpec("to of \(name) must be dead_letter or a mapping"), at: node)
        }
        let entries = try reader.entries(node, what: "to of \(name)")
        let forms = entries.filter { ["fixed", "payload", "sector"].contains($0.key) }
        guard forms.count == 1, let form = forms.first else {
            throw reader.error(.badToSpec("to of \(name) needs exactly one of fixed, payload, sector"), at: node)
        }
        let allowedKeys = ["fixed": ["fixed"], "payload": ["payload", "many", "allowed"], "sector": ["sector", "must_match"]][form.key] ?? []
        for entry in entries where !allowedKeys.contains(entry.key) {
            throw reader.error(.badToSpec("key \(entry.key) does not go with \(form.key) in \(name)"), at: entry.keyNode)
        }
        let byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        switch form.key {
        case "fixed":
            let (fixed, regulator) = try parties(form.value, what: "to.fixed of \(name)", role: .recipient, project: project)
            regulatorReceives = regulator
            return .fixed(fixed.sorted())
        case "payload":
            let field = try reader.scalar(form.value, what: "to.payload of \(name)")
            let many = try byKey["many"].map { entry throws(DutyListError) in try reader.bool(entry.value, what: "to.many") } ?? false
            guard let allowedNode = byKey["allowed"]?.value else {
                throw reader.error(.badToSpec("to.payload of \(name) needs allowed"), at: node)
            }
            let allowed = try reader.principals(allowedNode, what: "to.allowed of \(name)", declared: declared, role: .recipient)
            let expected: FieldKind = many ? .array(of: .principal, minCount: 1) : .principal
            try requireField(field, of: type, matching: expected, at: form.value)
            return .payload(field: field, multiple: many, allowed: allowed.sorted())
        default:
            let field = try reader.scalar(form.value, what: "to.sector of \(name)")
            try requireField(field, of: type, matching: .sector, at: form.value)
            var mustMatch: String?
            if let matchNode = byKey["must_match"]?.value {
                let match = try reader.scalar(matchNode, what: "to.must_match of \(name)")
                try requireField(match, of: type, matching: .principal, at: matchNode)
                mustMatch = match
            }
            return .sector(field: field, mustMatch: mustMatch)
        }
    }

    /// The schema of `type` must have a top-level field `field` of a kind like `expected`.
    private func requireField(_ field: String, of type: MessageType, matching expected: FieldKind,
                              at node: Node) throws(DutyListError) {
        let matches: Bool
        switch (MessageSchemas.field(field, of: type)?.kind, expected) {
        case (.principal?, .principal), (.sector?, .sector): matches = true
        // A field restricted to some sectors (project.register: those with construction projects).
        case (.enumeration(let values)?, .sector): matches = !values.isEmpty && values.allSatisfy { Sector(rawValue: $0) != nil }
        case (.array(of: .principal, _, _)?, .array(of: .principal, _, _)): matches = true
        default: matches = false
        }
        guard matches else {
            throw reader.error(.badToSpec("\(type.rawValue) has no payload field \(field) of the right kind"), at: node)
        }
    }
}
