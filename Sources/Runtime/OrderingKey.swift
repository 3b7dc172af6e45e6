import Messages
import Workflow

/// Which messages of one queue must be applied one after the other, in the
/// order the broker delivered them: those about the same thing. Messages with
/// different keys may be applied at the same time by different lanes of a
/// worker (`BatchLanes`); messages with the same key always go to the same lane,
/// in order.
///
/// The thing is the first identifier the payload carries, in this order: the
/// project (`project_no`, on a message without a clue: every project message of
/// CONTRACT §8, so that a project's registration, deposit, roster and payrolls are
/// applied in order), `case_id` (every `case.*` message), `referral_no`, `request_no` (fund),
/// `application_no` (legal aid), `petition_no`, then the clue (`channel` and
/// `clue_ref`; a petition's clue is keyed by its petition number, so it stays
/// in order with that petition's `incident.alert`), then the employer on the
/// arrears blacklist (`credit_code`, §9). A message with none of them
/// (e.g. `office.sweep`, which looks at every case) has no key: a batch holding
/// one is applied by a single lane.
public enum OrderingKey {
    /// The key of `message`, or `nil` when it may touch anything.
    public static func of(_ message: InboundMessage) -> String? {
        let payload = message.payload
        func text(_ field: String) -> String? {
            guard case .string(let value)? = payload[field], !value.isEmpty else { return nil }
            return value
        }
        if let project = text("project_no"), text("clue_ref") == nil { return "project:\(project)" }
        if let caseID = text("case_id") { return "case:\(caseID.lowercased())" }
        if let number = text("referral_no") { return "referral:\(number)" }
        if let number = text("request_no") { return "fund:\(number)" }
        if let number = text("application_no") { return "legalaid:\(number)" }
        if let number = text("petition_no") { return "petition:\(number)" }
        if let ref = text("clue_ref") {
            let channel = text("channel") ?? ""
            return channel == "petition" ? "petition:\(ref)" : "clue:\(channel)/\(ref)"
        }
        if let code = text("credit_code") { return "credit:\(code)" }
        return nil
    }

    /// The lane (0 ..< `lanes`) for `key`: a stable hash (FNV-1a), the same in
    /// every process and run.
    public static func lane(for key: String, lanes: Int) -> Int {
        precondition(lanes > 0, "lanes must be positive")
        return Int(StableHash.fnv1a(key) % UInt64(lanes))
    }
}
