import Duties
import Messages
import Workflow

/// What is in and what is missing of one month's department returns (信息互通,
/// seed 003 二(三)5; `wagectl report returns`): one line per kind of the duty list
/// in force, with the return as recorded in `wage.report_returns`, if any.
public struct ReturnsReport: Sendable {
    /// Where one return stands.
    public enum Status: String, Sendable, CaseIterable {
        /// In by its due day.
        case submitted
        /// In, after its due day.
        case submittedLate = "submitted_late"
        /// Not in, and not due yet.
        case pending
        /// Not in, and its due day has passed.
        case missing
        /// A kind reported when things happen, with nothing this month.
        case none

        /// As staff say it.
        public var zh: String {
            switch self {
            case .submitted: return "已报送"
            case .submittedLate: return "逾期报送"
            case .pending: return "待报送"
            case .missing: return "逾期未报"
            case .none: return "随时报送（本月无）"
            }
        }
    }

    /// One kind's return of the month.
    public struct Line: Sendable {
        public var kind: String
        public var kindName: String
        /// The owing unit's code and name (a principal or a body such as ndrc).
        public var owner: String
        public var ownerName: String
        /// hrss, when it enters the return on a body's behalf.
        public var enteredBy: String?
        public var dueOn: Day?
        /// The due day is a weekend or holiday (it stays the due day, as written).
        public var dueOnRestDay: Bool
        /// `YYYY-MM-DD HH:MM`, Asia/Shanghai; nil while missing.
        public var submittedAt: String?
        public var late: Bool
        /// The figures in the kind's order, as text.
        public var figures: [(key: String, value: String)]
        public var source: String?
        public var revisions: Int
        public var reminded: Bool

        public var status: Status {
            switch (submittedAt != nil, late, dueOn != nil) {
            case (true, true, _): return .submittedLate
            case (true, false, _): return .submitted
            case (false, true, _): return .missing
            case (false, false, true): return .pending
            case (false, false, false): return .none
            }
        }
    }

    public var month: Month
    public var asOf: Day
    public var lines: [Line]

    public init(month: Month, asOf: Day, lines: [Line]) {
        self.month = month
        self.asOf = asOf
        self.lines = lines
    }

    /// How many lines have each status.
    public func count(_ status: Status) -> Int { lines.filter { $0.status == status }.count }
}
