/// One message type of the catalogue: everything about it in one Swift type.
///
/// The router validates with `fields` and `crossFieldProblem` (`schema:<path>`,
/// CONTRACT §5 and §7.8), the workers decode with `init(json:)`, `wagectl` and the
/// console build payloads with the memberwise initialiser and `json`, and tests and
/// benchmarks start from `sample`. `CatalogueTests` walks every entry of
/// `MessageCatalogue.all` and checks that these agree.
///
/// Adding a message type means one file conforming to this protocol, its line in
/// `MessageCatalogue.all`, its `MessageType` case, its duty-list entry and its handler.
public protocol WireMessage: Sendable {
    /// The wire type (AMQP `type` property and routing key).
    static var wireType: MessageType { get }
    /// The payload's fields with their rules, in checking order.
    static var fields: [FieldSpec] { get }
    /// The path of the first broken rule that spans several fields or compares with
    /// the day the message is applied (`paid` ≤ `gross`, a date in the past), checked
    /// after `fields` passed; `nil` when there is none. Default: no such rule.
    static func crossFieldProblem(in object: [String: JSONValue], today: Day) -> String?
    /// One valid payload (all required fields and a few optional ones).
    static var sample: JSONValue { get }
    /// A principal allowed to send `sample` under the shipped duty list.
    static var sampleSender: Principal { get }
    /// Reads a payload; throws `.schema("<path>")` for the first missing or malformed field.
    init(json: [String: JSONValue]) throws(RejectionReason)
    /// The wire payload (absent optionals left out).
    var json: JSONValue { get }
}

extension WireMessage {
    public static func crossFieldProblem(in object: [String: JSONValue], today: Day) -> String? { nil }

    /// The router's verdict on `body`: `nil` when valid, else `.invalidJSON` (not an
    /// object) or `.schema(path)` of the first problem.
    public static func validate(_ body: JSONValue, today: Day) -> RejectionReason? {
        if let problem = SchemaValidator.validate(body: body, fields: fields) { return problem }
        guard case .object(let object) = body else { return .invalidJSON }
        return crossFieldProblem(in: object, today: today).map(RejectionReason.schema)
    }

    /// Reads `body`, which must be a JSON object.
    public init(body: JSONValue) throws(RejectionReason) {
        guard case .object(let object) = body else { throw .invalidJSON }
        try self.init(json: object)
    }

    /// The type of this message (for generic code holding a value).
    public var wireType: MessageType { Self.wireType }
}
