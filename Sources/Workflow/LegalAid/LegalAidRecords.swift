import Messages
import Foundation

/// A legal-aid provider (lawyer or legal worker) on the roster.
public struct LegalAidProvider: Sendable, Hashable {
    public var id: String
    public var name: String
    public var active: Bool
    /// Applications assigned to it (the contract has no message that ends one).
    public var openAssignments: Int
    public init(id: String, name: String, active: Bool, openAssignments: Int = 0) {
        self.id = id
        self.name = name
        self.active = active
        self.openAssignments = openAssignments
    }
}

/// The status of an application (CONTRACT §4, `legal_aid_overview.status`).
public enum LegalAidStatus: String, CaseIterable, Sendable, Hashable, Codable {
    case assigned
    case approvedUnassigned = "approved_unassigned"
    case meansTest = "means_test"
    case denied
}

/// One application as justice keeps it.
public struct LegalAidApplication: Sendable, Hashable {
    public var request: LegalAidRequest
    /// Who asked (and is told of the assignment).
    public var requestedBy: Principal
    public var status: LegalAidStatus
    public var receivedAt: Date
    public var approvedAt: Date?
    public var decidedAt: Date?
    public var decisionReason: String?
    public var providerID: String?
    public var assignedAt: Date?

    public init(request: LegalAidRequest, requestedBy: Principal, status: LegalAidStatus, receivedAt: Date,
                approvedAt: Date? = nil, decidedAt: Date? = nil, decisionReason: String? = nil,
                providerID: String? = nil, assignedAt: Date? = nil) {
        self.request = request
        self.requestedBy = requestedBy
        self.status = status
        self.receivedAt = receivedAt
        self.approvedAt = approvedAt
        self.decidedAt = decidedAt
        self.decisionReason = decisionReason
        self.providerID = providerID
        self.assignedAt = assignedAt
    }

    public var applicationNo: String { request.applicationNo }
}
