/// CSV as spreadsheet programs used in the offices (Excel, WPS) open it: a UTF-8
/// byte-order mark first (or the Chinese is misread), every field quoted with
/// inner quotes doubled (RFC 4180), CRLF line ends; a text cell that starts with
/// `= + - @` is prefixed with `'` so that it is not run as a formula (numbers
/// such as `-3` or `-1.50` are left alone).
public enum CSVText {
    /// The byte-order mark that opens every file.
    public static let bom = "\u{FEFF}"

    /// One quoted, formula-safe field.
    public static func field(_ s: String) -> String {
        let risky = s.first.map { "=+-@".contains($0) } == true && !isNumber(s)
        let safe = risky ? "'" + s : s
        return "\"" + safe.replacing("\"", with: "\"\"") + "\""
    }

    /// One line (without its line end).
    public static func line(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") }

    /// The whole file: BOM, the header, the rows, each line ended by CRLF.
    public static func document(header: [String], rows: [[String]]) -> String {
        bom + ([header] + rows).map { line($0) + "\r\n" }.joined()
    }

    /// `-3`, `+1.50`: a plain decimal number with an optional sign.
    static func isNumber(_ s: String) -> Bool {
        let body = s.drop { $0 == "-" || $0 == "+" }
        guard s.count - body.count <= 1, let first = body.first, first.isASCII, first.isNumber else { return false }
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." } && body.filter { $0 == "." }.count <= 1
    }
}
