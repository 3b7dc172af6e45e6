/// Publisher-confirm bookkeeping for one `publish` call.
///
/// Delivery tags of the batch are contiguous from `firstTag`. A `basic.return` arrives
/// before the `basic.ack` of the same message, so returns are collected and judged
/// only after every tag of the batch is confirmed.
struct ConfirmBatch {
    /// A message the broker returned as unroutable.
    struct Returned {
        let messageID: String?
        let exchange: String
        let routingKey: String
        let code: Int
        let text: String
    }

    let firstTag: UInt64
    private(set) var pending: Set<UInt64> = []
    private(set) var nacked: [UInt64] = []
    private(set) var returned: [Returned] = []

    init(firstTag: UInt64) { self.firstTag = firstTag }

    /// Records that the message with `tag` was sent.
    mutating func sent(_ tag: UInt64) { pending.insert(tag) }

    /// Applies a `basic.ack`.
    mutating func ack(_ tag: UInt64, multiple: Bool) {
        if multiple { pending = pending.filter { $0 > tag } } else { pending.remove(tag) }
    }

    /// Applies a `basic.nack`.
    mutating func nack(_ tag: UInt64, multiple: Bool) {
        let hit = multiple ? pending.filter { $0 <= tag } : (pending.contains(tag) ? [tag] : [])
        nacked.append(contentsOf: hit.sorted())
        pending.subtract(hit)
    }

    /// Applies a `basic.return`.
    mutating func returned(_ r: Returned) { returned.append(r) }

    /// The error the batch ends with once `pending` is empty, or nil when all went well.
    func outcome(_ messages: [OutgoingMessage]) -> AMQPError? {
        if let first = returned.first {
            let name = first.messageID.map { "message \($0)" } ?? "a message"
            let more = returned.count > 1 ? " (and \(returned.count - 1) more)" : ""
            return AMQPError(
                kind: .unroutable, code: first.code,
                message: "\(name) to exchange '\(first.exchange)' with routing key '\(first.routingKey)' "
                    + "was returned unroutable: \(first.code) \(first.text)\(more)",
                recoverable: false)
        }
        if let tag = nacked.first {
            let index = Int(tag - firstTag)
            let id = messages.indices.contains(index) ? messages[index].properties.messageID : nil
            let name = id.map { "message \($0)" } ?? "message #\(index)"
            let more = nacked.count > 1 ? " (and \(nacked.count - 1) more)" : ""
            return AMQPError(kind: .nacked, code: 0,
                             message: "\(name) was nacked by the broker\(more)", recoverable: true)
        }
        return nil
    }
}
