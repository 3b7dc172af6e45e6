import Foundation
import Logging
import Runtime
import Store

/// The console's readiness probe: a dedicated thread that asks the console's own
/// database login (`WAGE_DATABASE_URL_CONSOLE`, what every page needs first)
/// `SELECT 1` every `interval` seconds and publishes the answer on the health
/// board as `console-database`. The HTTP handler only reads the board.
struct ConsoleProbe: ThreadedService {
    let env: StackEnvironment
    let health: HealthBoard
    let interval: Double
    let logger: Logger

    /// The default interval between two probes (`WAGE_CONSOLE_PROBE_INTERVAL`).
    static let defaultInterval = 2.0
    static let component = "console-database"

    func start(stop: StopFlag, threads: ThreadGroup) throws {
        let url = try env.require("WAGE_DATABASE_URL_CONSOLE")
        let (health, interval, logger) = (self.health, self.interval, self.logger)
        health.register(Self.component, checks: [.database])
        threads.spawn("console-probe") {
            var db: PGConnection?
            while !stop.isSet {
                do {
                    if db == nil || db?.isConnected == false {
                        db?.close()
                        db = try PGConnection(url: url, applicationName: "wage-console-probe")
                    }
                    _ = try db!.execute("SELECT 1")
                    health.set(.database, true, for: Self.component)
                } catch {
                    if health.readiness().isReady { logger.warning("console database not reachable", metadata: ["error": "\(error)"]) }
                    health.set(.database, false, for: Self.component)
                    db?.close()
                    db = nil
                }
                var waited = 0.0
                while waited < interval, !stop.isSet { Thread.sleep(forTimeInterval: 0.1); waited += 0.1 }
            }
            db?.close()
        }
    }
}
