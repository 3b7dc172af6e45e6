import ArgumentParser

/// `wagectl case …`: staff actions on cases and the case views.
struct CaseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Cases: show, list, and the case messages of §3.",
        subcommands: [CaseShowCommand.self, CaseListCommand.self, CaseAcceptCommand.self, CaseReturnCommand.self,
                      CaseProgressCommand.self, CaseResolveCommand.self, CaseEscalateCommand.self, CaseTransferCommand.self,
                      CaseCloseCommand.self, CaseAssignLeaderCommand.self, CaseNoticeCommand.self,
                      CaseSupervisionCommand.self])
}

/// `wagectl referral …`: criminal referrals (移送).
struct ReferralGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral", abstract: "Criminal referrals to the police.",
        subcommands: [ReferralListCommand.self, ReferralSubmitCommand.self, ReferralReceiptCommand.self,
                      ReferralDecideCommand.self, ReferralReconsiderCommand.self, ReferralMeasureCommand.self])
}

/// `wagectl fund …`: the emergency revolving fund (应急周转金).
struct FundGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fund", abstract: "The emergency revolving fund.",
        subcommands: [FundBalanceCommand.self, FundPendingCommand.self, FundListCommand.self, FundDepositCommand.self,
                      FundRequestCommand.self, FundDecideCommand.self, FundDisbursedCommand.self, FundRejectedCommand.self,
                      FundRecoveredCommand.self, FundWriteoffCommand.self])
}

/// `wagectl legalaid …`: the legal-aid green channel (法律援助).
struct LegalAidGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "legalaid", abstract: "Legal aid.",
        subcommands: [LegalAidListCommand.self, LegalAidProvidersCommand.self, LegalAidRequestCommand.self,
                      LegalAidProviderCommand.self, LegalAidDecideCommand.self, LegalAidAssignedCommand.self])
}

/// `wagectl petition …`: petitions (信访).
struct PetitionGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petition", abstract: "Petitions.", subcommands: [PetitionListCommand.self, PetitionReceiveCommand.self])
}

/// `wagectl dead …`: refused (dead-lettered) messages.
struct DeadGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead", abstract: "Refused (dead-lettered) messages: list, peek, replay.",
        subcommands: [DeadListCommand.self, DeadPeekCommand.self, DeadReplayCommand.self])
}

/// `wagectl routing …`.
struct RoutingGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing", abstract: "The router's decisions.", subcommands: [RoutingLogCommand.self])
}

/// `wagectl calendar …`.
struct CalendarGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "The working-day calendar.", subcommands: [CalendarLoadCommand.self, CalendarStatusCommand.self])
}

/// `wagectl duty-list …`.
struct DutyListGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duty-list", abstract: "Duty lists (who may send what, and where it goes).",
        subcommands: [DutyListLoadCommand.self, DutyListShowCommand.self])
}

/// `wagectl import …`: bringing in earlier records (CONTRACT §7.7).
struct ImportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import earlier years' records (历史数据迁移).",
        subcommands: [ImportCasesCommand.self])
}
