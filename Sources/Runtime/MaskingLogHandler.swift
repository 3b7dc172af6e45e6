import Logging

/// A `LogHandler` that masks personal data in the message and every metadata
/// value, then hands the line to the wrapped handler.
public struct MaskingLogHandler: LogHandler {
    private var inner: any LogHandler

    public init(wrapping inner: any LogHandler) { self.inner = inner }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        let masked = metadata.map { $0.mapValues(Self.mask) }
        inner.log(
            level: level, message: "\(PersonalDataMasking.mask(message.description))", metadata: masked,
            source: source, file: file, function: function, line: line)
    }

    static func mask(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let s): return .string(PersonalDataMasking.mask(s))
        case .stringConvertible(let c): return .string(PersonalDataMasking.mask(c.description))
        case .array(let a): return .array(a.map(mask))
        case .dictionary(let d): return .dictionary(d.mapValues(mask))
        }
    }

    /// Bootstraps swift-log once per process: masked lines to standard error,
    /// level from `WAGE_LOG_LEVEL` (default `info`).
    public static func bootstrap(level: String? = nil) {
        let chosen = Logger.Level(rawValue: level ?? "info") ?? .info
        LoggingSystem.bootstrap { label in
            var handler = MaskingLogHandler(wrapping: StreamLogHandler.standardError(label: label))
            handler.logLevel = chosen
            return handler
        }
    }
}
