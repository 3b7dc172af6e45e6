import CRabbitMQ

/// Copies an `amqp_bytes_t` into a Swift `String` (UTF-8, invalid bytes repaired).
func string(_ bytes: amqp_bytes_t) -> String {
    guard bytes.len > 0, let base = bytes.bytes else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: base, count: bytes.len), as: UTF8.self)
}

/// Copies an `amqp_bytes_t` into a byte array.
func byteArray(_ bytes: amqp_bytes_t) -> [UInt8] {
    guard bytes.len > 0, let base = bytes.bytes else { return [] }
    return Array(UnsafeRawBufferPointer(start: base, count: bytes.len))
}

/// Owns C memory (copied strings, table entries) until it is deallocated.
///
/// Used to build `amqp_basic_properties_t` and argument tables from Swift values
/// without `amqp_cstring_bytes` on a Swift `String` (which would dangle).
final class CArena {
    private var blocks: [UnsafeMutableRawPointer] = []

    init() {}

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// A copy of `text`'s UTF-8 bytes, valid while the arena lives.
    func bytes(_ text: String) -> amqp_bytes_t {
        var text = text
        return text.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
    }

    /// A copy of `data`, valid while the arena lives.
    func bytes(_ data: [UInt8]) -> amqp_bytes_t {
        data.withUnsafeBytes { copy($0) }
    }

    /// A NUL-terminated copy of `text`, valid while the arena lives.
    func cString(_ text: String) -> UnsafePointer<CChar> {
        let utf8 = Array(text.utf8)
        let block = UnsafeMutableRawPointer.allocate(byteCount: utf8.count + 1, alignment: 1)
        blocks.append(block)
        utf8.withUnsafeBytes { block.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        block.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
        return UnsafePointer(block.assumingMemoryBound(to: CChar.self))
    }

    /// Uninitialised room for `count` table entries, valid while the arena lives.
    func entries(_ count: Int) -> UnsafeMutablePointer<amqp_table_entry_t> {
        let size = MemoryLayout<amqp_table_entry_t>.stride * max(count, 1)
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: size, alignment: MemoryLayout<amqp_table_entry_t>.alignment)
        block.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        blocks.append(block)
        return block.bindMemory(to: amqp_table_entry_t.self, capacity: max(count, 1))
    }

    private func copy(_ source: UnsafeRawBufferPointer) -> amqp_bytes_t {
        guard let base = source.baseAddress, source.count > 0 else { return crmq_empty_bytes() }
        let block = UnsafeMutableRawPointer.allocate(byteCount: source.count, alignment: 1)
        block.copyMemory(from: base, byteCount: source.count)
        blocks.append(block)
        return crmq_bytes(block, source.count)
    }
}
