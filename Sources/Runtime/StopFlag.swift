import Atomics

/// A flag set once from the lifecycle (any thread) and polled by worker threads.
public final class StopFlag: Sendable {
    private let flag = ManagedAtomic<Bool>(false)
    public init() {}
    public var isSet: Bool { flag.load(ordering: .acquiring) }
    public func set() { flag.store(true, ordering: .releasing) }
}
