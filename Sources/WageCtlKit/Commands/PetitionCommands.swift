import ArgumentParser
import Messages
import Workflow

/// `petition.received`: the petitions office records a petition (信访).
struct PetitionReceiveCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "receive", abstract: "Record a petition (petition.received, petitions).")
    static let messageType = MessageType.petitionReceived
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

    func payload(_ context: PayloadContext) throws -> JSONValue {
        .compact(["petition_no": P.s(petitionNo), "petitioners": P.i(petitioners), "form": P.s(form),
                  "wage_related": P.b(wageRelated), "employer": P.s(employer), "sector": P.s(sector),
                  "amount_owed": P.s(amountOwed), "workers_count": P.i(workersCount), "summary": P.s(summary)])
    }
}

/// `incident.alert`: a collective visit, raised to police and hrss.
struct IncidentAlertCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "alert", abstract: "Alert police and hrss to a collective visit (incident.alert, petitions).")
    static let messageType = MessageType.incidentAlert
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("petition-no")) var petitionNo: String
    @Option var people: Int
    @Option var location: String?
    @Option var summary: String?

    func payload(_ context: PayloadContext) throws -> JSONValue {
        .compact(["petition_no": P.s(petitionNo), "people": P.i(people), "location": P.s(location), "summary": P.s(summary)])
    }
}

/// `wagectl incident …`.
struct IncidentGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident", abstract: "Incidents (incident.alert).", subcommands: [IncidentAlertCommand.self])
}
