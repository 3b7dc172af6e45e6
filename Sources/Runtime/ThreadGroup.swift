import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Dedicated OS threads for blocking C calls, and a way to await them all from async code.
public final class ThreadGroup: Sendable {
    private let group = DispatchGroup()

    public init() {}

    /// Starts `body` on a new thread named `name`.
    public func spawn(_ name: String, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread { [group] in
            ThreadGroup.nameCurrentThread(name)
            body()
            group.leave()
        }
        thread.name = name
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Gives the calling thread `name` as its operating-system name (the first 15
    /// bytes, Linux's limit), so `top -H`, `ps -L` and `perf` show it (Foundation's
    /// `Thread.name` does not reach the kernel here). Through
    /// `/proc/thread-self/comm` (`pthread_setname_np` is not visible to Swift
    /// without `_GNU_SOURCE`); nothing happens where that file does not exist.
    public static func nameCurrentThread(_ name: String) {
        #if canImport(Glibc)
        let fd = open("/proc/thread-self/comm", O_WRONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        #endif
    }

    /// Resumes when every spawned thread has returned.
    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            group.notify(queue: .global()) { continuation.resume() }
        }
    }
}
