import HTTPTypes
import Hummingbird

/// CSV exports of the lists: a UTF-8 BOM (so that Excel and WPS read the Chinese
/// correctly), every field quoted, CRLF line ends, and a cell starting with
/// `= + - @` prefixed with `'` so that a spreadsheet does not run it as a formula.
enum CSVExport {
    /// The byte order mark that opens every export.
    static let bom = "\u{FEFF}"

    /// One quoted, formula-safe field.
    static func field(_ s: String) -> String {
        let safe = s.first.map { "=+-@".contains($0) } == true ? "'" + s : s
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The whole text: BOM, the header line, one line per row.
    static func text(header: [String], rows: [[String]]) -> String {
        var text = bom + header.map(field).joined(separator: ",") + "\r\n"
        for row in rows { text += row.map(field).joined(separator: ",") + "\r\n" }
        return text
    }

    /// The response: `text/csv` as an attachment named `filename`.
    static func response(filename: String, header: [String], rows: [[String]]) -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                        .contentDisposition: "attachment; filename=\"\(filename)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text(header: header, rows: rows))))
    }
}
