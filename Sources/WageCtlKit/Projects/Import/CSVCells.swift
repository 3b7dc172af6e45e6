import Foundation
import Messages
import Workflow

/// Typed cells of a CSV record; a missing or malformed one is a `CellProblem`
/// naming its column (the router's `schema:<field>`).
extension CSVTable.Record {
    /// A required text cell.
    func required(_ column: String) throws(CellProblem) -> String {
        guard let value = text(column) else { throw CellProblem(column: column, detail: "\(column) is empty") }
        return value
    }

    /// `true`, `false`, `yes`, `no`, `1`, `0`, `y`, `n`, `是`, `否` (any case).
    func bool(_ column: String) throws(CellProblem) -> Bool {
        let value = try required(column).lowercased()
        if CSVTable.trueWords.contains(value) { return true }
        if CSVTable.falseWords.contains(value) { return false }
        throw CellProblem(column: column, detail: "\(column) \"\(value)\" is not true or false")
    }

    /// A date `YYYY-MM-DD`.
    func day(_ column: String) throws(CellProblem) -> Day {
        let value = try required(column)
        guard let day = Day(iso: value) else { throw CellProblem(column: column, detail: "\(column) \"\(value)\" is not a date YYYY-MM-DD") }
        return day
    }

    /// A month `YYYY-MM`.
    func month(_ column: String) throws(CellProblem) -> Month {
        let value = try required(column)
        guard let month = Month(iso: value) else { throw CellProblem(column: column, detail: "\(column) \"\(value)\" is not a month YYYY-MM") }
        return month
    }

    /// An amount in yuan with at most 2 decimals; greater than zero unless `zeroAllowed`.
    func money(_ column: String, zeroAllowed: Bool = false) throws(CellProblem) -> Money {
        let value = try required(column)
        guard let money = Money(yuan: value), zeroAllowed || money > .zero else {
            throw CellProblem(column: column, detail: "\(column) \"\(value)\" is not an amount in yuan"
                              + (zeroAllowed ? " (e.g. 0.00 or 7800.00)" : " greater than zero (e.g. 7800.00)"))
        }
        return money
    }

    /// A whole number.
    func int(_ column: String) throws(CellProblem) -> Int {
        let value = try required(column)
        guard let number = Int(value) else { throw CellProblem(column: column, detail: "\(column) \"\(value)\" is not a whole number") }
        return number
    }
}

extension CSVTable {
    static let trueWords: Set<String> = ["true", "yes", "y", "1", "是"]
    static let falseWords: Set<String> = ["false", "no", "n", "0", "否"]
}
