import Messages
import Store

/// Makes the monthly report as `ArchivePolicy` decides: from the archive, computed
/// and archived, or computed only.
public struct MonthlyReportMaker {
    let db: PGConnection

    public init(db: PGConnection) { self.db = db }

    /// The report of `month` and where its figures came from. `madeBy` is
    /// recorded with a new archive row (e.g. `hrss` or `admin (operator)`).
    public func make(month: String, compiledBy: String, madeBy: String, today: Day, fresh: Bool,
                     mayArchive: Bool = true) throws -> (MonthlyReport, ReportArchive.Source) {
        guard let (_, end) = MonthlyReport.bounds(of: month) else { throw ReportError.badMonth(month) }
        let archive = ReportArchive(db: db)
        switch ArchivePolicy.decide(endDay: end, today: today, compiledBy: compiledBy, fresh: fresh, mayArchive: mayArchive) {
        case .compute(let reason):
            return (try MonthlyReportLoader(db: db).load(month: month, compiledBy: compiledBy), .computed(reason: reason))
        case .readOnly:
            if let (report, at, by) = try archive.read(month: month) { return (report, .archive(madeAt: at, madeBy: by)) }
            return (try MonthlyReportLoader(db: db).load(month: month, compiledBy: compiledBy), .computed(reason: "not_archived"))
        case .archive:
            if let (report, at, by) = try archive.read(month: month) { return (report, .archive(madeAt: at, madeBy: by)) }
            let computed = try MonthlyReportLoader(db: db).load(month: month, compiledBy: compiledBy)
            let (stored, at, by) = try archive.archive(computed, madeBy: madeBy)
            return (stored, .archivedNow(madeAt: at, madeBy: by))
        }
    }
}
