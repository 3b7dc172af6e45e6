import Foundation
import Messages
import Workflow
import Yams

/// Loads and validates duty list files (format: docs/duty-lists.md).
public enum DutyListLoader {
    /// The shipped default duty list, relative to the repository / install root.
    public static let defaultRelativePath = "deploy/duty-lists/2026-2.yaml"

    /// Reads and parses the file at `path`.
    public static func load(path: String) throws(DutyListError) -> DutyList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DutyListError(file: path, line: nil, reason: .unreadable("cannot read \(path)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DutyListError(file: path, line: nil, reason: .unreadable("not UTF-8"))
        }
        return try parse(yaml: text, source: path)
    }

    /// Parses and validates `yaml`; `source` names it in errors (a path, or e.g. `db:2026-1`).
    /// Either every check passes or a `DutyListError` is thrown: never a half-valid list.
    public static func parse(yaml: String, source: String) throws(DutyListError) -> DutyList {
        let reader = YAMLReader(file: source)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw DutyListError(file: source, line: line(of: error), reason: .yamlSyntax(describe(error)))
        }
        guard let root else { throw DutyListError(file: source, line: nil, reason: .missingVersion) }
        let top = try reader.entries(root, what: "the file", allowed: ["version", "principals", "sectors", "messages", "report_bodies", "report_kinds"],
                                     required: [])

        guard let versionEntry = top["version"], versionEntry.value.null == nil,
              case .scalar(let versionScalar) = versionEntry.value,
              !versionScalar.string.allSatisfy(\.isWhitespace) else {
            throw reader.error(.missingVersion, at: top["version"]?.keyNode ?? root)
        }
        for key in ["principals", "sectors", "messages"] where top[key] == nil {
            throw reader.error(.missingKey(key), at: root)
        }
        let principals = try parsePrincipals(try reader.value(top, "principals", of: root), reader)
        let declared = Set(principals.map(\.code))
        let sectors = try parseSectors(try reader.value(top, "sectors", of: root), reader, declared: declared)
        let duties = try MessageDutyParser(reader: reader, declared: declared)
            .parseAll(try reader.value(top, "messages", of: root))
        let kindParser = ReportKindParser(reader: reader, declared: declared)
        let bodies = try kindParser.bodies(top["report_bodies"]?.value)
        let kinds = try kindParser.kinds(top["report_kinds"]?.value, bodies: bodies)
        try checkReportKinds(kinds, duties: duties, reader: reader, at: top["report_kinds"]?.value ?? root)
        return DutyList(version: versionScalar.string, source: source, text: yaml, principals: principals,
                        sectorTable: sectors, duties: duties, reportBodies: bodies, reportKinds: kinds)
    }

    /// A message with a `report_kind` rule needs kinds, and each kind's sender must be
    /// in that message's `from` (else the kind could never be sent).
    private static func checkReportKinds(_ kinds: [String: ReportKind], duties: [MessageType: MessageDuty],
                                         reader: YAMLReader, at node: Node) throws(DutyListError) {
        for duty in duties.values.sorted(by: { $0.type.rawValue < $1.type.rawValue }) where duty.reportKind != nil {
            guard !kinds.isEmpty else {
                throw reader.error(.badReportKind("\(duty.type.rawValue) has report_kind but the file has no report_kinds"), at: node)
            }
            for kind in kinds.values.sorted(by: { $0.code < $1.code }) {
                guard let sender = kind.sender, duty.senders.contains(sender) else {
                    throw reader.error(.badReportKind(
                        "report_kinds.\(kind.code): its sender is not in the from of \(duty.type.rawValue)"), at: node)
                }
            }
        }
    }

    private static func parsePrincipals(_ node: Node, _ reader: YAMLReader) throws(DutyListError) -> [PrincipalInfo] {
        let items = try reader.items(node, what: "principals")
        guard !items.isEmpty else { throw reader.error(.emptyList("principals"), at: node) }
        var out: [PrincipalInfo] = []
        for item in items {
            let fields = try reader.entries(item, what: "a principal", allowed: ["code", "name", "worker"],
                                            required: ["code", "name", "worker"])
            let codeNode = try reader.value(fields, "code", of: item)
            let code = try reader.scalar(codeNode, what: "code")
            guard let principal = Principal(rawValue: code) else { throw reader.error(.unknownPrincipal(code), at: codeNode) }
            guard !out.contains(where: { $0.code == principal }) else {
                throw reader.error(.duplicateKey("principal \(code)"), at: codeNode)
            }
            let names = try reader.entries(try reader.value(fields, "name", of: item), what: "name of \(code)", allowed: ["zh", "en"],
                                           required: ["zh", "en"])
            out.append(PrincipalInfo(
                code: principal,
                nameZh: try reader.text(try reader.value(names, "zh", of: item), what: "name.zh"),
                nameEn: try reader.text(try reader.value(names, "en", of: item), what: "name.en"),
                runsWorker: try reader.bool(try reader.value(fields, "worker", of: item), what: "worker")))
        }
        return out
    }

    private static func parseSectors(_ node: Node, _ reader: YAMLReader,
                                     declared: Set<Principal>) throws(DutyListError) -> [Sector: Principal] {
        var table: [Sector: Principal] = [:]
        for entry in try reader.entries(node, what: "sectors") {
            guard let sector = Sector(rawValue: entry.key) else { throw reader.error(.unknownSector(entry.key), at: entry.keyNode) }
            table[sector] = try reader.principal(entry.value, what: "sector \(entry.key)", declared: declared, role: .recipient)
        }
        for sector in Sector.allCases where table[sector] == nil {
            throw reader.error(.missingSector(sector.rawValue), at: node)
        }
        return table
    }

    /// The 1-based line of a Yams error, where it has one.
    private static func line(of error: Error) -> Int? {
        switch error as? YamlError {
        case .scanner(_, _, let mark, _)?, .parser(_, _, let mark, _)?, .composer(_, _, let mark, _)?:
            return mark.line
        default:
            return nil
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error as? YamlError {
        case .scanner(let context, let problem, _, _)?, .parser(let context, let problem, _, _)?,
             .composer(let context, let problem, _, _)?:
            return [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
        default:
            return String(describing: error).prefix(300).description
        }
    }
}
