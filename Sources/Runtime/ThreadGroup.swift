import Foundation

/// Dedicated OS threads for blocking C calls, and a way to await them all from async code.
public final class ThreadGroup: Sendable {
    private let group = DispatchGroup()

    public init() {}

    /// Starts `body` on a new thread named `name`.
    public func spawn(_ name: String, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread { [group] in
            body()
            group.leave()
        }
        thread.name = name
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Resumes when every spawned thread has returned.
    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            group.notify(queue: .global()) { continuation.resume() }
        }
    }
}
