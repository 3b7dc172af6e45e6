import ArgumentParser
import Foundation
import Reports

/// `--lang zh|en` of every report: Chinese with the names staff use, or English
/// (codes). Default: Chinese when `LC_ALL` / `LC_MESSAGES` / `LANG` is zh_CN, else
/// English (`ReportLanguage.fromEnvironment`); a report may have its own default.
struct ReportLanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "zh or en (default: zh when LANG is zh_CN, else en).")
    var lang: String?

    /// The chosen language, or `fallback` (the environment's when nil).
    func resolved(fallback: ReportLanguage? = nil) throws -> ReportLanguage {
        guard let lang else { return fallback ?? ReportLanguage.fromEnvironment(ProcessInfo.processInfo.environment) }
        guard let chosen = ReportLanguage(rawValue: lang) else {
            throw WageCtlError(.usage, "--lang must be zh or en, not '\(lang)'")
        }
        return chosen
    }
}
