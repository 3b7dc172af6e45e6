/// The one stable hash of the service: 64-bit FNV-1a over UTF-8, the same in every
/// process, run and machine. Used where a long key must become a short,
/// deterministic part of a `message_id` (a redelivered cause must give the same id)
/// and to choose a lane for an ordering key. Not for security, and not a content
/// digest (the duty list's content hash is SHA-256 from swift-crypto).
public enum StableHash {
    /// FNV-1a (64-bit) of `text`'s UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// `fnv1a(text)` as 16 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        let hex = String(fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
