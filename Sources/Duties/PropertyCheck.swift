import Foundation
import Messages
import Workflow

/// The largest accepted body, in bytes (CONTRACT §2: 256 KiB).
public let maximumBodySize = 262_144

/// The longest accepted `message_id`, in characters (CONTRACT §2).
public let maximumMessageIDLength = 128

/// Checks the AMQP properties of CONTRACT §2. Pure; `nil` when they are acceptable.
///
/// Order (the first failure wins):
/// 1. `message_id` present, 1...128 characters, else `missing_property:message_id`
///    (too long is treated as missing: no usable idempotency key);
/// 2. `type` present and non-empty, else `missing_property:type`;
/// 3. `user_id` present and non-empty, else `missing_property:user_id`;
/// 4. `content_type` present, else `missing_property:content_type`; anything but
///    `application/json` (case-insensitive, optional `; charset=utf-8`) is `invalid_json`;
/// 5. `bodySize` at most 262144 bytes, else `too_large`.
///
/// The body itself is then checked by `parseBody` (`invalid_json`).
public func checkProperties(messageID: String?, type: String?, userID: String?, contentType: String?,
                            bodySize: Int) -> RejectionReason? {
    guard let messageID, !messageID.isEmpty, messageID.count <= maximumMessageIDLength else {
        return .missingProperty("message_id")
    }
    guard let type, !type.isEmpty else { return .missingProperty("type") }
    guard let userID, !userID.isEmpty else { return .missingProperty("user_id") }
    guard let contentType, !contentType.isEmpty else { return .missingProperty("content_type") }
    guard isJSONContentType(contentType) else { return .invalidJSON }
    guard bodySize <= maximumBodySize else { return .tooLarge }
    return nil
}

/// Parses a message body: one UTF-8 JSON object, else `invalid_json`
/// (malformed — also what only a lenient parser takes: trailing commas, duplicate
/// names, see `StrictJSON` —, not UTF-8, or JSON that is not an object; CONTRACT §2).
public func parseBody(_ bytes: some Collection<UInt8>) -> Result<JSONValue, RejectionReason> {
    guard StrictJSON.isWellFormed(bytes), let value = try? JSONValue.parse(bytes), case .object = value else {
        return .failure(.invalidJSON)
    }
    return .success(value)
}

/// `application/json`, optionally with `charset=utf-8`; media type case-insensitive.
private func isJSONContentType(_ text: String) -> Bool {
    let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard parts.first == "application/json" else { return false }
    return parts.dropFirst().allSatisfy { $0 == "charset=utf-8" || $0 == "charset=\"utf-8\"" }
}
