/// A message received by an `AMQPConsumer`.
public struct AMQPDelivery: Sendable {
    /// The broker's tag for this delivery on its channel.
    public let deliveryTag: UInt64
    /// True when the broker delivered this message before (nack/requeue, lost connection).
    public let redelivered: Bool
    /// The exchange it was published to.
    public let exchange: String
    /// The routing key it was published with.
    public let routingKey: String
    /// Its properties and headers.
    public let properties: AMQPProperties
    /// Its body.
    public let body: [UInt8]
    /// The consumer connection it arrived on; acks for an older generation are ignored
    /// (the broker redelivers such messages).
    public let generation: Int

    /// Creates a delivery (the consumer does this; tests and fakes may too).
    public init(deliveryTag: UInt64, redelivered: Bool, exchange: String, routingKey: String,
                properties: AMQPProperties, body: [UInt8], generation: Int) {
        self.deliveryTag = deliveryTag
        self.redelivered = redelivered
        self.exchange = exchange
        self.routingKey = routingKey
        self.properties = properties
        self.body = body
        self.generation = generation
    }
}

/// A message to publish with an `AMQPPublisher`.
public struct OutgoingMessage: Sendable {
    /// The exchange, e.g. `wage.intake`.
    public var exchange: String
    /// The routing key, e.g. the message type.
    public var routingKey: String
    /// Properties; `deliveryMode` nil means persistent.
    public var properties: AMQPProperties
    /// The body.
    public var body: [UInt8]

    /// Creates an outgoing message.
    public init(exchange: String, routingKey: String, properties: AMQPProperties, body: [UInt8]) {
        self.exchange = exchange
        self.routingKey = routingKey
        self.properties = properties
        self.body = body
    }
}
