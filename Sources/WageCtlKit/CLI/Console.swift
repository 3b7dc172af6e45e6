import Foundation

/// Where `wagectl` writes: standard output and standard error by default, or a
/// buffer (tests run commands in-process and read what they printed).
///
/// Commands never call `print`: they write to `Console.current`, which a test
/// replaces for the duration of one command with `Console.$current.withValue`.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let capturing: Bool
    private var outText = ""
    private var errText = ""

    /// The console of the running command (a task-local value).
    @TaskLocal public static var current: Console = Console(capturing: false)

    /// A console that writes to the process's standard output and error
    /// (`capturing: false`) or keeps everything in memory (`capturing: true`).
    public init(capturing: Bool) { self.capturing = capturing }

    /// Writes one line to standard output.
    public func out(_ line: String = "") { write(line + "\n", toError: false) }

    /// Writes one line to standard error (diagnostics, progress, hints).
    public func err(_ line: String) { write(line + "\n", toError: true) }

    /// Writes text to standard output as it is (a CSV file with its own CRLF line ends).
    public func raw(_ text: String) { write(text, toError: false) }

    /// Writes text to standard error without a line end (progress dots).
    public func progress(_ text: String) { write(text, toError: true) }

    /// Everything written to standard output so far (capturing consoles only).
    public var output: String { lock.withLock { outText } }

    /// Everything written to standard error so far (capturing consoles only).
    public var errors: String { lock.withLock { errText } }

    private func write(_ text: String, toError: Bool) {
        if capturing {
            lock.withLock { if toError { errText += text } else { outText += text } }
            return
        }
        let handle = toError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }
}
