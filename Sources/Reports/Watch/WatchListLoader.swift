import Messages
import Store

/// Reads the watch list of a month from `wage.watch_list` (hrss, or admin).
public struct WatchListLoader {
    let db: PGConnection

    public init(db: PGConnection) { self.db = db }

    static let sql = """
        WITH b AS (SELECT ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS t0,
                          ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS t1)
        SELECT w.kind, w.subject, w.name, w.department, w.risk_level, w.status, w.workers_count,
               w.amount_owed::text AS amount_owed, w.detail,
               (w.since AT TIME ZONE 'Asia/Shanghai')::date::text AS since,
               (w.until AT TIME ZONE 'Asia/Shanghai')::date::text AS until,
               (w.until IS NULL OR w.until >= b.t1) AS open_at_end
        FROM wage.watch_list w, b
        WHERE w.since < b.t1 AND (w.until IS NULL OR w.until >= b.t0)
        ORDER BY w.kind, w.since, w.subject, w.detail
        """

    /// The entries on the list at some time in `month` (`YYYY-MM`).
    public func load(month: String) throws -> WatchList {
        guard let (first, end) = MonthlyReport.bounds(of: month) else { throw ReportError.badMonth(month) }
        return try load(from: first, to: end, label: month)
    }

    /// The entries on the list at some time from `first` up to (not including) `end`.
    public func load(from first: Day, to end: Day, label: String) throws -> WatchList {
        let entries = try db.execute(Self.sql, [first.iso, end.iso]).rows.compactMap { row -> WatchList.Entry? in
            guard let kind = WatchList.Kind(rawValue: try row.string("kind")),
                  let since = Day(iso: try row.string("since")) else { return nil }
            return WatchList.Entry(
                kind: kind, subject: try row.string("subject"), name: try row.optionalString("name"),
                department: try row.optionalString("department"), riskLevel: try row.optionalString("risk_level"),
                status: try row.optionalString("status"), workersCount: try row.optionalString("workers_count").flatMap { Int($0) },
                amountOwed: try row.optionalString("amount_owed").flatMap { Money(yuan: $0) },
                detail: try row.optionalString("detail"), since: since,
                until: try row.optionalString("until").flatMap { Day(iso: $0) }, openAtEnd: try row.bool("open_at_end"))
        }
        let order = WatchList.Kind.allCases
        return WatchList(month: label, entries: entries.sorted {
            (order.firstIndex(of: $0.kind)!, $0.since, $0.subject) < (order.firstIndex(of: $1.kind)!, $1.since, $1.subject)
        })
    }
}
