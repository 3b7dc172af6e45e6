import CRabbitMQ

extension AMQPProperties {
    /// The C properties for `amqp_basic_publish`; strings and headers are copied into
    /// `arena`, so the result is valid while `arena` lives. `deliveryMode` nil → 2.
    func cProperties(in arena: CArena) -> amqp_basic_properties_t {
        var props = amqp_basic_properties_t()
        var flags = amqp_flags_t(AMQP_BASIC_DELIVERY_MODE_FLAG)
        props.delivery_mode = deliveryMode ?? AMQPProperties.persistent
        if let messageID {
            props.message_id = arena.bytes(messageID)
            flags |= amqp_flags_t(AMQP_BASIC_MESSAGE_ID_FLAG)
        }
        if let type {
            props.type = arena.bytes(type)
            flags |= amqp_flags_t(AMQP_BASIC_TYPE_FLAG)
        }
        if let userID {
            props.user_id = arena.bytes(userID)
            flags |= amqp_flags_t(AMQP_BASIC_USER_ID_FLAG)
        }
        if let contentType {
            props.content_type = arena.bytes(contentType)
            flags |= amqp_flags_t(AMQP_BASIC_CONTENT_TYPE_FLAG)
        }
        if let correlationID {
            props.correlation_id = arena.bytes(correlationID)
            flags |= amqp_flags_t(AMQP_BASIC_CORRELATION_ID_FLAG)
        }
        if let timestamp {
            props.timestamp = timestamp
            flags |= amqp_flags_t(AMQP_BASIC_TIMESTAMP_FLAG)
        }
        if !headers.isEmpty {
            props.headers = cTable(headers, in: arena)
            flags |= amqp_flags_t(AMQP_BASIC_HEADERS_FLAG)
        }
        props._flags = flags
        return props
    }

    /// Decodes C properties (copying everything out of librabbitmq's memory).
    init(_ props: amqp_basic_properties_t) {
        func has(_ flag: Int32) -> Bool { props._flags & amqp_flags_t(flag) != 0 }
        self.init()
        if has(AMQP_BASIC_MESSAGE_ID_FLAG) { messageID = string(props.message_id) }
        if has(AMQP_BASIC_TYPE_FLAG) { type = string(props.type) }
        if has(AMQP_BASIC_USER_ID_FLAG) { userID = string(props.user_id) }
        if has(AMQP_BASIC_CONTENT_TYPE_FLAG) { contentType = string(props.content_type) }
        if has(AMQP_BASIC_CORRELATION_ID_FLAG) { correlationID = string(props.correlation_id) }
        if has(AMQP_BASIC_TIMESTAMP_FLAG) { timestamp = props.timestamp }
        if has(AMQP_BASIC_DELIVERY_MODE_FLAG) { deliveryMode = props.delivery_mode }
        if has(AMQP_BASIC_HEADERS_FLAG) { headers = decodeTable(props.headers) }
    }
}

/// A C table holding `values` (keys sorted for a stable wire form), owned by `arena`.
func cTable(_ values: [String: AMQPFieldValue], in arena: CArena) -> amqp_table_t {
    guard !values.isEmpty else { return crmq_empty_table() }
    let entries = arena.entries(values.count)
    for (i, (key, value)) in values.sorted(by: { $0.key < $1.key }).enumerated() {
        let k = arena.bytes(key)
        switch value {
        case .string(let s): crmq_set_entry_string(entries + i, k, arena.bytes(s))
        case .int(let n): crmq_set_entry_int(entries + i, k, n)
        case .bool(let b): crmq_set_entry_bool(entries + i, k, b ? 1 : 0)
        }
    }
    return amqp_table_t(num_entries: Int32(values.count), entries: entries)
}

/// Decodes the string, integer and boolean entries of a C table; other kinds are skipped.
func decodeTable(_ table: amqp_table_t) -> [String: AMQPFieldValue] {
    var out: [String: AMQPFieldValue] = [:]
    guard table.num_entries > 0, let entries = table.entries else { return out }
    for i in 0..<Int(table.num_entries) {
        let entry = entries + i
        let key = string(entry.pointee.key)
        withUnsafePointer(to: entry.pointee.value) { value in
            let kind = UInt32(bitPattern: crmq_field_kind(value))
            if kind == AMQP_FIELD_KIND_UTF8.rawValue || kind == AMQP_FIELD_KIND_BYTES.rawValue {
                out[key] = .string(string(crmq_field_bytes(value)))
            } else if kind == AMQP_FIELD_KIND_BOOLEAN.rawValue {
                out[key] = .bool(crmq_field_bool(value) != 0)
            } else if crmq_field_is_int(value) != 0 {
                out[key] = .int(crmq_field_int(value))
            }
        }
    }
    return out
}
