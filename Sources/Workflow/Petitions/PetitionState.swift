import Messages
import Foundation

/// The status of a petition (`petition_overview.status`).
public enum PetitionStatus: String, CaseIterable, Sendable, Hashable, Codable {
    /// Recorded (not wage-related petitions stay here).
    case received
    /// Sent to hrss as a `clue.report`.
    case reported
    /// The case closed and the reply 答复 to the petitioners was recorded.
    case replied
}

/// A petition as the petitions worker keeps it.
public struct PetitionState: Sendable, Hashable {
    /// Petitioners from which a visit counts as collective 集体访 (configuration; contract: 5).
    public static let defaultCollectiveThreshold = WorkflowSettings.default.collectiveVisitSize

    public var petition: PetitionReceived
    public var collective: Bool
    public var status: PetitionStatus
    public var receivedAt: Date
    public var reportedAt: Date?
    public var caseID: String?
    public var reply: String?
    public var repliedAt: Date?

    public init(petition: PetitionReceived, collective: Bool, status: PetitionStatus, receivedAt: Date,
                reportedAt: Date? = nil, caseID: String? = nil, reply: String? = nil, repliedAt: Date? = nil) {
        self.petition = petition
        self.collective = collective
        self.status = status
        self.receivedAt = receivedAt
        self.reportedAt = reportedAt
        self.caseID = caseID
        self.reply = reply
        self.repliedAt = repliedAt
    }

    public var petitionNo: String { petition.petitionNo }

    /// The petition a case notice is about: its `clue_ref` when its `channel` is `petition`.
    public static func petitionNo(of notice: CaseNotice) -> String? {
        guard notice.detail?["channel"] == .string(ClueChannel.petition.rawValue) else { return nil }
        return notice.detail?["clue_ref"]?.stringValue
    }
}
