import Foundation
import Messages
import Store

/// The archive of finished months' reports (`wage.report_snapshots`): a month's
/// figures are written the first time its report is made, never overwritten, and
/// a reprint reads them.
public struct ReportArchive {
    /// The kind of the monthly report's rows.
    public static let monthlyKind = "monthly"
    let db: PGConnection

    public init(db: PGConnection) { self.db = db }

    /// Where a printed report's figures came from.
    public enum Source: Sendable, Equatable {
        /// Read from the archive (made at, by).
        case archive(madeAt: String, madeBy: String)
        /// Computed now and archived now (the first report of a finished month).
        case archivedNow(madeAt: String, madeBy: String)
        /// Computed now, not archived: the month has not ended, `--fresh` was asked,
        /// or the reader is not the office (its sections differ).
        case computed(reason: String)
    }

    /// The archived report of `month`, with when and by whom it was made.
    public func read(month: String, kind: String = monthlyKind) throws -> (MonthlyReport, String, String)? {
        guard let row = try db.execute(
            "SELECT figures::text AS figures, to_char(made_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS made_at, made_by FROM wage.report_snapshots WHERE month = $1 AND kind = $2",
            [month, kind]).rows.first else { return nil }
        let report = try JSONDecoder().decode(MonthlyReport.self, from: Data(try row.string("figures").utf8))
        return (report, try row.string("made_at"), try row.string("made_by"))
    }

    /// Archives `report` unless its month already is; returns the row in force
    /// afterwards (the existing one when another run archived it first).
    public func archive(_ report: MonthlyReport, madeBy: String, kind: String = monthlyKind) throws -> (MonthlyReport, String, String) {
        let figures = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        try db.execute("""
            INSERT INTO wage.report_snapshots (month, kind, figures, made_by) VALUES ($1, $2, $3::jsonb, $4)
            ON CONFLICT (month, kind) DO NOTHING
            """, [report.month, kind, figures, madeBy])
        guard let stored = try read(month: report.month, kind: kind) else { throw ReportError.notArchived(report.month) }
        return stored
    }
}
