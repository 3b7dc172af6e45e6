import Runtime
import Messages
import Workflow

/// The handler of every department worker, as a composition of parts. Each part
/// lives in its own folder (Office, Sector, Petitions, Police, Finance, Justice).
public enum Workers {
    /// How many lanes (`BatchLanes`) a worker applies batches with by default
    /// (`WAGE_LANES` overrides): 2 for hrss, which every case passes through
    /// three times and whose time goes mostly to round trips to PostgreSQL
    /// (docs/benchmark.md); 1 for the others.
    public static func lanes(for principal: Principal) -> Int { principal == .hrss ? 2 : 1 }

    /// `worker-hrss`: the wage-arrears office (根欠办) and labour inspection.
    public static func hrss(settings: OfficeSettings = .init()) -> CompositeHandler {
        let office = CaseOffice(settings: settings)
        let projects = ProjectDesk(office: office)
        office.projects = projects
        let returns = ReturnsDesk()
        office.returns = returns
        return CompositeHandler(
            principal: .hrss,
            parts: [
                office, CaseNoticeRecorder(), OfficeIncidentDesk(),
                ReferralTracking(), FundTracking(), LegalAidTracking(),
                CreditDesk(),  // §9 credit discipline (issue 19)
                projects,  // §8 construction projects (issue 18)
                returns,  // department returns (issue 22)
            ],
            periodicInterval: settings.sweepInterval)
    }

    /// `worker-housing` and the other sector regulators (transport, water,
    /// agriculture, market): the same code, run for `principal`.
    public static func sector(_ principal: Principal) -> CompositeHandler {
        let ledger = SectorLedger(principal: principal)
        return CompositeHandler(principal: principal, parts: [
            ledger, CaseNoticeRecorder(observers: [ledger]),
            SectorCreditCopy(principal: principal),  // §9 credit discipline (issue 19)
            SectorProjectCopy(principal: principal),  // §8 construction projects (issue 18)
            ReportReminderRecorder(),  // department returns (issue 22)
        ])
    }

    /// `worker-petitions`: the petitions office (信访局).
    public static func petitions() -> CompositeHandler {
        let desk = PetitionDesk()
        return CompositeHandler(principal: .petitions, parts: [desk, CaseNoticeRecorder(observers: [desk]), LegalAidTracking()])
    }

    /// `worker-police`: intake of criminal referrals and incidents.
    public static func police() -> CompositeHandler {
        CompositeHandler(principal: .police, parts: [
            ReferralIntake(), IncidentRegister(), CaseNoticeRecorder(), ReportReminderRecorder(),
        ])
    }

    /// `worker-justice`: the legal-aid green channel.
    public static func justice() -> CompositeHandler {
        CompositeHandler(principal: .justice, parts: [LegalAidDesk(), CaseNoticeRecorder(), LegalAidTracking()])
    }

    /// `worker-finance`: the emergency revolving fund.
    public static func finance() -> CompositeHandler {
        CompositeHandler(principal: .finance, parts: [FundDesk(), CaseNoticeRecorder(), ReportReminderRecorder()])
    }
}
