import ArgumentParser
import Messages
import Workflow

/// `petition.received`: the petitions office records a petition (信访).
struct PetitionReceiveCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "receive", abstract: "Record a petition (petition.received, petitions).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("petition-no")) var petitionNo: String
    @Option(help: "How many people (5 or more is a collective visit).") var petitioners: Int
    @Option(help: "letter, visit, online or phone.") var form: String
    @Option(name: .customLong("wage-related"), help: "true when it is about unpaid wages.") var wageRelated: Bool
    @Option var employer: String?
    @Option var sector: String?
    @Option(name: .customLong("amount-owed"), help: "Yuan.") var amountOwed: String?
    @Option(name: .customLong("workers-count")) var workersCount: Int?
    @Option var summary: String?

    func message(_ context: PayloadContext) throws -> PetitionReceived {
        PetitionReceived(petitionNo: petitionNo, petitioners: petitioners, form: try context.value("form", form),
                         wageRelated: wageRelated, employer: employer.map { Employer(name: $0) },
                         sector: try context.value("sector", sector), amountOwed: try context.money("amount_owed", amountOwed),
                         workersCount: workersCount, summary: summary)
    }
}

/// `incident.alert`: a collective visit, raised to police and hrss.
struct IncidentAlertCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "alert", abstract: "Alert police and hrss to a collective visit (incident.alert, petitions).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("petition-no")) var petitionNo: String
    @Option var people: Int
    @Option var location: String?
    @Option var summary: String?

    func message(_ context: PayloadContext) throws -> IncidentAlert {
        IncidentAlert(petitionNo: petitionNo, people: people, location: location, summary: summary)
    }
}

/// `wagectl incident …`.
struct IncidentGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident", abstract: "Incidents (incident.alert).", subcommands: [IncidentAlertCommand.self])
}
