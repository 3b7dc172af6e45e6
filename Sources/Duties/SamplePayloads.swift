import Messages

/// Valid example payloads, one per message type, from the catalogue (each type's
/// `WireMessage.sample`), for tests, integration tests and benchmarks. Each passes
/// `MessageSchemas.validate` and routes when sent by `sender(for:)` under the
/// shipped duty list.
public enum SamplePayloads {
    /// A valid payload of `type` (all required fields, a few optional ones).
    public static func valid(for type: MessageType) -> JSONValue { MessageCatalogue.entry(for: type).sample }

    /// A principal allowed to send `type` under the shipped duty list.
    public static func sender(for type: MessageType) -> Principal { MessageCatalogue.entry(for: type).sampleSender }
}
