import Logging

/// The console's logger (security refusals are logged here and audited).
enum ConsoleLog {
    static let logger = Logger(label: "wage-console")
}
