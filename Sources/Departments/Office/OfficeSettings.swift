import Messages
import Workflow

/// Configuration of the office worker.
public struct OfficeSettings: Sendable {
    /// Risk grading thresholds (CONTRACT §3; configuration).
    public var risk: RiskThresholds
    /// Seconds between periodic deadline sweeps; `nil` for none.
    public var sweepInterval: Double?

    public init(risk: RiskThresholds = .default, sweepInterval: Double? = 300) {
        self.risk = risk
        self.sweepInterval = sweepInterval
    }
}
