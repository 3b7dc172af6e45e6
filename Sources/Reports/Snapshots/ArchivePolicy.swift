import Messages

/// When a monthly report is read from the archive, archived, or only computed
/// (pure; `MonthlyReportMaker` performs it). Staff expect an issued month's
/// report to stay as issued: a finished month made by the office is archived the
/// first time and reprinted from the archive after; `--fresh` recomputes from
/// today's data without touching the archive; a month still running is
/// provisional; another department's report (fewer sections) is never archived.
public enum ArchivePolicy {
    public enum Decision: Equatable, Sendable {
        /// Read the archived figures; when there are none, compute and archive them.
        case archive
        /// Read the archived figures when there are some; else compute, archive nothing.
        case readOnly
        /// Compute from today's data, ignore the archive.
        case compute(reason: String)
    }

    /// Reasons of `compute`.
    public static let fresh = "fresh", monthNotEnded = "month_not_ended", notOffice = "not_office"

    /// The decision for the report of the month ending before `endDay`, made on
    /// `today` by `compiledBy` (`hrss`, `admin` or another principal).
    public static func decide(endDay: Day, today: Day, compiledBy: String, fresh wantFresh: Bool,
                              mayArchive: Bool = true) -> Decision {
        if wantFresh { return .compute(reason: fresh) }
        guard compiledBy == "hrss" || compiledBy == "admin" else { return .compute(reason: notOffice) }
        guard today >= endDay else { return .compute(reason: monthNotEnded) }
        return mayArchive ? .archive : .readOnly
    }
}

extension ReportArchive.Source {
    /// The line printed with the report (nil when there is nothing to say).
    public func note(_ lang: ReportLanguage) -> String? {
        let zh = lang == .zh
        switch self {
        case .archive(let at, let by):
            return zh ? "存档重印：本表为 \(at) 由 \(ReportWords(.zh).department(by)) 编制时存档的数字（--fresh 按当前数据重新计算，不覆盖存档）。"
                      : "Reprinted from the archive: the figures as reported at \(at) by \(by) (--fresh recomputes from today's data; the archive is kept)."
        case .archivedNow(let at, _):
            return zh ? "本月数字已于 \(at) 存档，此后重印均为存档数字。" : "Archived at \(at): reprints of this month show these figures."
        case .computed(ArchivePolicy.fresh):
            return zh ? "按当前数据重新计算，非存档数字（存档未改变）。" : "Recomputed from today's data: not the archived figures (the archive is unchanged)."
        case .computed(ArchivePolicy.monthNotEnded):
            return zh ? "本月尚未结束：数字为临时数，未存档。" : "Provisional: the month has not ended; not archived."
        case .computed:
            return nil
        }
    }

    /// `archive`, `archived_now` or `computed` (JSON).
    public var code: String {
        switch self {
        case .archive: return "archive"
        case .archivedNow: return "archived_now"
        case .computed: return "computed"
        }
    }
}

extension ReportArchive.Source {
    /// `json` (an object) with `source` and, when archived, `archived_at` / `archived_by`.
    public func annotated(_ json: JSONValue) -> JSONValue {
        guard var o = json.objectValue else { return json }
        o["source"] = .string(code)
        switch self {
        case .archive(let at, let by), .archivedNow(let at, let by):
            o["archived_at"] = .string(at); o["archived_by"] = .string(by)
        case .computed(let reason):
            o["computed_because"] = .string(reason)
        }
        return .object(o)
    }
}
