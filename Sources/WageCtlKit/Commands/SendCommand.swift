import ArgumentParser
import Messages
import Workflow

/// `wagectl send <type> --json '{…}'` or `--field k=v`: any message type.
struct GenericSendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send any message type with a JSON payload (checked like the named commands).",
        discussion: """
        --field key=value sets one field (repeat); a dotted key sets a nested field (employer.name=某公司). The \
        value is converted by the type's schema: whole numbers for count fields, true/false for flags, text \
        for everything else (money stays text: amount=500.00); where the schema does not know the field, \
        JSON values (12, true, {"a":1}) are taken as JSON. --field applies after --json. Note: in this \
        command --json is the payload; --json-output prints the outcome as JSON.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var sending: SendOptions

    @Argument(help: "The message type, e.g. case.accept.") var type: String
    @Option(name: .customLong("json"), help: "The payload as one JSON object.") var body: String?
    @Option(name: .customLong("field"), help: "A payload field key=value (repeat).") var fields: [String] = []
    @Flag(name: .customLong("json-output"), help: "Print the outcome as JSON.") var jsonOutput = false

    func run() throws {
        let payload = try FieldAssignments.payload(type: type, json: body, fields: fields)
        try SendRunner.run(type: type, identity: identity, json: jsonOutput, sending: sending) { context in
            // A case number in case_id is replaced by the case id; anything else is sent as given.
            guard let ref = payload["case_id"]?.stringValue, let id = try? context.caseID(ref),
                  case .object(var members) = payload else { return payload }
            members["case_id"] = .string(id)
            return .object(members)
        }
    }
}
