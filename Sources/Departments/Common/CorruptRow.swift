/// A stored row that does not decode (a column out of its domain): never input,
/// so it is thrown and the message retried, not refused.
public struct CorruptRow: Error, CustomStringConvertible {
    /// The table and key, e.g. `wage.cases WA-2026-000001`.
    public let row: String
    /// What was wrong.
    public let problem: String
    public init(_ row: String, _ problem: String) {
        self.row = row
        self.problem = problem
    }
    public var description: String { "corrupt row \(row): \(problem) (fix the row; the message is retried)" }
}
