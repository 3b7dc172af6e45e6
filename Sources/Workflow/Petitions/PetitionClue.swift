import Messages
/// Turning a wage-related petition into a `clue.report` (channel `petition`,
/// `clue_ref` = `petition_no`). The clue schema needs an employer name, a sector,
/// `workers_count ≥ 1` and `amount_owed > 0`; a petition may lack them, so:
///
/// - employer absent → `未知 unknown`;
/// - sector absent → `other` (labour inspection, hrss, handles it directly);
/// - workers_count absent → the number of petitioners;
/// - amount_owed absent → 0.01 yuan, the smallest valid amount (it grades no risk
///   by itself), and the description says the amount is unknown.
///
/// The description is the petition's summary followed by a note naming the
/// petition and every field that was defaulted. No personal data is forwarded.
public enum PetitionClue {
    public static let unknownEmployerName = "未知 unknown"
    public static let unknownAmount = Money(fen: 1)

    /// The clue for `petition`.
    public static func clue(for petition: PetitionReceived) -> ClueReport {
        var defaulted: [String] = []
        if petition.employer == nil { defaulted.append("用人单位不详 employer unknown") }
        if petition.sector == nil { defaulted.append("行业不详 sector unknown") }
        if petition.workersCount == nil { defaulted.append("人数按信访人数计 workers = petitioners") }
        if petition.amountOwed == nil { defaulted.append("金额不详 amount unknown") }
        let note = (["信访件 petition \(petition.petitionNo)"] + defaulted).joined(separator: "; ")
        let description = [petition.summary, "(\(note))"].compactMap { $0 }.joined(separator: " ")
        return ClueReport(
            channel: .petition, clueRef: petition.petitionNo,
            employer: petition.employer ?? Employer(name: unknownEmployerName),
            sector: petition.sector ?? .other,
            workersCount: petition.workersCount ?? petition.petitioners,
            amountOwed: petition.amountOwed ?? unknownAmount,
            description: description)
    }
}
