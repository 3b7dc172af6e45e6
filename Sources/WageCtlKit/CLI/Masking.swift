import Runtime

/// Personal data in output: masked wherever it is not the point of the command.
enum Masking {
    /// `text` with ID and phone numbers masked (`Runtime.PersonalDataMasking`).
    static func text(_ text: String) -> String { PersonalDataMasking.mask(text) }
}
