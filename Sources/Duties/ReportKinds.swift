import Messages
import Workflow

/// A member unit that owes returns but is not a principal (发改, 总工会): hrss
/// enters its returns on its behalf (duty-list section `report_bodies`).
public struct ReportBody: Sendable, Equatable {
    public let code: String
    public let nameZh: String
    public let nameEn: String
}

/// One figure a kind of return carries (`figures: { key: count | amount }`).
public struct ReportFigure: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// An integer ≥ 0.
        case count
        /// Yuan as text (`"1250000.00"`), ≥ 0.
        case amount
    }

    public let key: String
    public let kind: Kind

    /// The catalogue's rule for the figure's value.
    var fieldKind: FieldKind { kind == .count ? .int(min: 0) : .amount }
}

/// One kind of department return (duty-list section `report_kinds`; docs/reports.md):
/// who owes it, when it is due and which figures it has.
public struct ReportKind: Sendable, Equatable {
    public let code: String
    public let nameZh: String
    public let nameEn: String
    /// The owing unit: a principal's code, or a `ReportBody` code.
    public let owner: String
    /// Set when `owner` is a body: the principal that enters its returns (hrss).
    public let enteredBy: Principal?
    public let due: ReturnDue
    /// Every key the figures must have, and no other, in file order.
    public let figures: [ReportFigure]

    /// The principal allowed to send this kind: the owner, or who enters for it.
    public var sender: Principal? { enteredBy ?? Principal(rawValue: owner) }

    /// The path of the first problem of a `figures` object (`figures.<key>`), or nil.
    /// Every defined key is required; a key the kind does not define is refused.
    public func figuresProblem(_ value: JSONValue?, path: String) -> String? {
        guard let object = value?.objectValue else { return path }
        for figure in figures {
            guard let v = object[figure.key], v != .null else { return "\(path).\(figure.key)" }
            if let problem = SchemaValidator.check(value: v, kind: figure.fieldKind, path: "\(path).\(figure.key)") {
                return problem
            }
        }
        let defined = Set(figures.map(\.key))
        return object.keys.sorted().first { !defined.contains($0) }.map { "\(path).\($0)" }
    }
}

/// How a message names its kind of return (duty-list key `report_kind` of a message).
public struct ReportKindRule: Sendable, Equatable {
    /// The payload field holding the kind's code.
    public let field: String
    /// The payload field holding the figures object.
    public let figures: String
}
