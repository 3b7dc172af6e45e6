import Duties
import Runtime
import Foundation
import Store

/// The duty list the router uses: the version in force in `wage.duty_lists`
/// (readable by every role), else the shipped file with a warning.
enum DutyListSource {
    /// The list in force, read on `db`.
    static func inForce(db: PGConnection, console: Console) throws -> DutyList {
        if let version = try DutyListStore.versionInForce(db: db) {
            do {
                return try DutyListStore.load(version: version, db: db)
            } catch let error as DutyListError {
                throw WageCtlError(.failed, "the duty list in force (\(version)) does not parse here: \(error)",
                                   hint: "this wagectl is older than the router's list: update wagectl")
            }
        }
        let path = try shippedPath()
        console.err("note: no duty list is in force in the database yet (has wage-router run?); checking against \(path)")
        do { return try DutyListLoader.load(path: path) } catch {
            throw WageCtlError(.failed, "the shipped duty list is invalid: \(error)")
        }
    }

    /// `deploy/duty-lists/2026-2.yaml` under `$WAGE_REPO` or above the current directory.
    static func shippedPath() throws -> String {
        let relative = DutyListLoader.defaultRelativePath
        var candidates: [URL] = []
        if let repo = ProcessInfo.processInfo.environment["WAGE_REPO"] { candidates.append(URL(fileURLWithPath: repo)) }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            candidates.append(dir)
            dir.deleteLastPathComponent()
        }
        for base in candidates {
            let path = base.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw WageCtlError(.configuration, "no duty list in force and \(relative) not found",
                           hint: "start wage-router once (it loads the duty list) or run wagectl from the repository")
    }
}
