import Store
import Messages
import Workflow

/// A project's ledger row (`wage.projects`) as the office's desk reads it, locked.
struct ProjectRecord: Sendable {
    var projectNo: String
    var sector: Sector
    var regulator: Principal
    var contractorName: String
    var contractorCreditCode: String
    var permitIssuedOn: Day
    var completed: Bool
    var deposit: ProjectDeposit
    var accountOpenedOn: Day?

    /// The columns `init(row:)` reads.
    static let columns = """
        project_no, sector, regulator, contractor_name, contractor_credit_code, permit_issued_on::text AS permit_issued_on,
        status, deposit_required_fen, deposit_balance_fen, deposit_drawn, replenish_by::text AS replenish_by,
        deposit_released_on::text AS deposit_released_on, account_opened_on::text AS account_opened_on
        """

    init(row: PGRow) throws {
        projectNo = try row.string("project_no")
        guard let sector = Sector(rawValue: try row.string("sector")),
              let regulator = Principal(rawValue: try row.string("regulator")),
              let permit = Day(iso: try row.string("permit_issued_on")) else {
            throw CorruptRow("wage.projects \(projectNo)", "unknown sector or regulator, or a malformed permit date")
        }
        self.sector = sector
        self.regulator = regulator
        contractorName = try row.string("contractor_name")
        contractorCreditCode = try row.string("contractor_credit_code")
        permitIssuedOn = permit
        completed = try row.string("status") == "completed"
        deposit = ProjectDeposit(
            required: Money(fen: try row.int64("deposit_required_fen")), balance: Money(fen: try row.int64("deposit_balance_fen")),
            drawn: try row.bool("deposit_drawn"), replenishBy: try row.optionalString("replenish_by").flatMap(Day.init(iso:)),
            releasedOn: try row.optionalString("deposit_released_on").flatMap(Day.init(iso:)))
        accountOpenedOn = try row.optionalString("account_opened_on").flatMap(Day.init(iso:))
    }
}
