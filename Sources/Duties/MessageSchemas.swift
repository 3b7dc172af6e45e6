import Messages

/// The router's view of the message catalogue: the payload rules of every type.
/// The rules themselves live with each type in `Messages` (`WireMessage.fields`);
/// this is the entry point the router and the tests call.
public enum MessageSchemas {
    /// The fields of `type`'s payload, in checking order.
    public static func fields(for type: MessageType) -> [FieldSpec] { MessageCatalogue.fields(for: type) }

    /// The spec of a top-level field of `type`, if the schema has it.
    public static func field(_ name: String, of type: MessageType) -> FieldSpec? {
        fields(for: type).first { $0.name == name }
    }

    /// Checks `body` against the rules of `type` as of `today` (Asia/Shanghai):
    /// `nil` when valid, otherwise the first problem (`.invalidJSON` when the body is
    /// not an object, else `.schema(path)`). See `SchemaValidator` for the order and
    /// the path format, and `WireMessage.crossFieldProblem` for rules across fields.
    public static func validate(type: MessageType, body: JSONValue, today: Day = .shanghaiToday()) -> RejectionReason? {
        MessageCatalogue.validate(type: type, body: body, today: today)
    }
}
