import Messages
import Workflow

/// Process settings of the office worker. The business numbers (risk thresholds
/// and the rest) are configuration in the database (`wage.settings`,
/// `HandlerContext.settings`), not here.
public struct OfficeSettings: Sendable {
    /// Seconds between periodic deadline sweeps; `nil` for none.
    public var sweepInterval: Double?

    public init(sweepInterval: Double? = 300) {
        self.sweepInterval = sweepInterval
    }
}
