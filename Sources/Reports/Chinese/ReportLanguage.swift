/// The language a report is printed in: English (the default, codes as stored)
/// or Chinese (the names staff use, `StaffNames`).
public enum ReportLanguage: String, CaseIterable, Sendable {
    case en, zh

    /// `zh` when `LC_ALL`, else `LC_MESSAGES`, else `LANG` starts with `zh_CN`
    /// (POSIX precedence: the first one set and non-empty decides); `en` otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> ReportLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.hasPrefix("zh_CN") ? .zh : .en
        }
        return .en
    }

    /// A department code's name: the code in English, the staff name in Chinese
    /// (`total` → 合计, `unassigned` → 未分配).
    public func department(_ code: String) -> String {
        switch (self, code) {
        case (.en, _): return code
        case (.zh, "total"): return "合计"
        case (.zh, "unassigned"): return "未分配"
        case (.zh, _): return StaffNames.department(code)
        }
    }

    /// A case status code's name.
    public func status(_ code: String) -> String { self == .zh ? StaffNames.status(code) : code }

    /// A risk level's name.
    public func risk(_ code: String?) -> String {
        guard let code else { return self == .zh ? "—" : "" }
        return self == .zh ? (StaffNames.risks[code] ?? code) : code
    }

    /// A disposition code's name.
    public func disposition(_ code: String) -> String { self == .zh ? StaffNames.disposition(code) : code }

    /// `lang` attribute of an HTML page.
    public var htmlLang: String { self == .zh ? "zh-CN" : "en" }
}
