import Messages
import Foundation

/// The status of a fund request (CONTRACT §4, `fund_overview.status`).
public enum FundRequestStatus: String, CaseIterable, Sendable, Hashable, Codable {
    case awaitingApproval = "awaiting_approval"
    case rejected
    case insufficientFund = "insufficient_fund"
    case disbursed
    case partiallyRecovered = "partially_recovered"
    case recovered
    case writtenOff = "written_off"

    /// Statuses after money left the fund.
    public var isDisbursed: Bool {
        switch self {
        case .disbursed, .partiallyRecovered, .recovered, .writtenOff: return true
        case .awaitingApproval, .rejected, .insufficientFund: return false
        }
    }
}

/// One fund request as finance keeps it (`wage.fund_requests`).
public struct FundRequestRecord: Sendable, Hashable {
    public var request: FundRequest
    public var status: FundRequestStatus
    public var requestedAt: Date
    public var decidedAt: Date?
    public var approver: String?
    public var decisionNote: String?
    public var disbursedAt: Date?
    public var recovered: Money
    public var writtenOff: Money
    public var writtenOffAt: Date?

    public init(request: FundRequest, status: FundRequestStatus, requestedAt: Date, decidedAt: Date? = nil,
                approver: String? = nil, decisionNote: String? = nil, disbursedAt: Date? = nil,
                recovered: Money = .zero, writtenOff: Money = .zero, writtenOffAt: Date? = nil) {
        self.request = request
        self.status = status
        self.requestedAt = requestedAt
        self.decidedAt = decidedAt
        self.approver = approver
        self.decisionNote = decisionNote
        self.disbursedAt = disbursedAt
        self.recovered = recovered
        self.writtenOff = writtenOff
        self.writtenOffAt = writtenOffAt
    }

    public var requestNo: String { request.requestNo }
    public var amount: Money { request.amount }

    /// Still owed back: amount − recovered − written off once disbursed; zero before.
    public var outstanding: Money { status.isDisbursed ? amount - recovered - writtenOff : .zero }

    /// The earliest instant a write-off is allowed: one year after disbursement
    /// (same Shanghai wall-clock time; 29 Feb → 1 Mar). `nil` before disbursement.
    public var writeOffAllowedFrom: Date? { disbursedAt?.addingYearsInShanghai(1) }
}
