import Foundation
@testable import Messages
import Workflow

/// One case of the fault run: how it is reported and what happens to it.
struct PlannedCase {
    let n: Int
    let channel: String
    let clueRef: String
    let sector: String
    let reporter: Principal
    let assignee: Principal
    /// Reported through a petition (petition_no = clueRef) with this many petitioners.
    let petitioners: Int?
    /// A second report of the same clue (new message id) by this principal.
    let reportedAgainBy: Principal?
    let amountOwedFen: Int
    let workers: Int
    let fund: PlannedFund?
    /// Legal aid: the requester (application_no = "<prefix>-LA<n>").
    let legalAidBy: Principal?
    let referralNo: String?

    var isCollective: Bool { (petitioners ?? 0) >= 5 }
}

/// A fund request of a case and what the government and the office do with it.
struct PlannedFund {
    let requestNo: String
    let amountFen: Int
    let approved: Bool
    /// Repaid later (half of the amount), by hrss or finance; only when approved.
    let recoveredFen: Int
    let recoveredBy: Principal
}

/// Everything the fault run sends, generated from its size; ids carry `prefix`.
struct FaultPlan {
    let prefix: String
    let cases: [PlannedCase]
    /// Petitions that are not about wages (no case).
    let otherPetitions: [String]
    let depositsFen: [Int]
    let providers: [String]
    /// The month of this plan's department returns (`FaultReturns`).
    let returnsMonth = FaultReturns.nextMonth()

    static let sectorOwner: [String: Principal] = [
        "construction": .housing, "transport": .transport, "water": .water, "agriculture": .agriculture,
        "individual_business": .market, "manufacturing": .hrss, "services": .hrss, "other": .hrss,
    ]
    static let sectors = ["construction", "transport", "water", "agriculture", "individual_business",
                          "manufacturing", "services", "other"]
    static let reporters: [Principal] = [.platform, .petitions, .hrss, .housing, .police, .justice,
                                         .transport, .water, .agriculture, .market]
    static let channels = ["national_platform", "hotline", "labour_inspection", "walk_in", "department"]
    static let aidRequesters: [Principal] = [.hrss, .petitions, .platform, .justice]

    /// `count` cases (at least 24, so that every variation occurs) whose every id
    /// starts with `prefix`; about 6.5 messages per case are sent by the test.
    init(prefix: String, count: Int) {
        self.prefix = prefix
        let total = max(24, count)
        var cases: [PlannedCase] = []
        for n in 0..<total {
            let sector = FaultPlan.sectors[n % FaultPlan.sectors.count]
            let viaPetition = n % 6 == 5
            let fund = n % 4 == 1 ? PlannedFund(
                requestNo: "\(prefix)-F\(n)", amountFen: 1_000_000 + n * 101, approved: (n / 4) % 4 != 3,
                recoveredFen: (1_000_000 + n * 101) / 2, recoveredBy: n % 8 == 1 ? .hrss : .finance) : nil
            cases.append(PlannedCase(
                n: n,
                channel: viaPetition ? "petition" : FaultPlan.channels[n % FaultPlan.channels.count],
                clueRef: viaPetition ? "\(prefix)-XF\(n)" : "\(prefix)-C\(n)",
                sector: sector,
                reporter: viaPetition ? .petitions : FaultPlan.reporters[(n / 2) % FaultPlan.reporters.count],
                assignee: FaultPlan.sectorOwner[sector]!,
                petitioners: viaPetition ? (n % 12 == 5 ? 7 : 2) : nil,
                reportedAgainBy: !viaPetition && n % 10 == 3 ? .platform : nil,
                amountOwedFen: 5_000_000 + n * 1_337, workers: n % 40 + 1,
                fund: fund,
                legalAidBy: n % 3 == 0 ? FaultPlan.aidRequesters[(n / 3) % 4] : nil,
                referralNo: n % 8 == 2 ? "\(prefix)-R\(n)" : nil))
        }
        self.cases = cases
        otherPetitions = (0..<max(2, total / 30)).map { "\(prefix)-XO\($0)" }
        let requested = cases.compactMap(\.fund).reduce(0) { $0 + $1.amountFen }
        depositsFen = [requested / 2 + 10_000_000, requested - requested / 2 + 10_000_000]
        providers = (1...3).map { "\(prefix)-LAW-\($0)" }
    }

    var funds: [PlannedFund] { cases.compactMap(\.fund) }
    var petitionCases: [PlannedCase] { cases.filter { $0.petitioners != nil } }
    var referralCases: [PlannedCase] { cases.filter { $0.referralNo != nil } }
    var aidCases: [PlannedCase] { cases.filter { $0.legalAidBy != nil } }
    func applicationNo(_ c: PlannedCase) -> String { "\(prefix)-LA\(c.n)" }
}

/// Yuan text of an amount in fen ("12345.67"), integer arithmetic only.
func yuan(_ fen: Int) -> String {
    let cents = fen % 100
    return "\(fen / 100).\(cents < 10 ? "0" : "")\(cents)"
}
