import Foundation
import Logging
import Store
import Workflow

/// The lanes of a worker: one `MessageProcessor` per lane, each with its own
/// database connection and handler. A batch is split by `OrderingKey`; each
/// lane applies its part in its own transaction at the same time as the others
/// (lane 0 on the consumer thread, the others on their own threads), and the
/// batch completes when every lane has committed. Messages with the same key
/// stay in one lane, in delivery order, and the next batch starts only after
/// the whole batch committed, so per-case order is kept while round trips to
/// PostgreSQL overlap. One lane is the plain consumer loop.
public final class BatchLanes {
    /// Lane 0 (the consumer thread's); it also runs the periodic work.
    public var primary: MessageProcessor { processors[0] }
    public let processors: [MessageProcessor]
    private let helpers: [LaneThread]

    public init(processors: [MessageProcessor], name: String) {
        precondition(!processors.isEmpty, "at least one lane")
        self.processors = processors
        self.helpers = processors.dropFirst().enumerated().map { LaneThread(name: "\(name)-lane\($0.offset + 1)") }
    }

    /// Applies `messages` in the lanes `LanePlan` chooses; results are in their
    /// order. Throws when a lane lost its database (lanes that committed did;
    /// their messages come back as duplicates when the batch is applied again).
    public func process(_ messages: [InboundMessage]) throws -> [ProcessingResult] {
        let keys = processors.count > 1 && messages.count > 1 ? messages.map(OrderingKey.of) : []
        switch LanePlan.of(keys: keys, lanes: processors.count) {
        case .oneLane(let lane):
            return try processors[lane].process(batch: messages)
        case .split(let byLane):
            return try process(messages, split: byLane)
        }
    }

    /// Each lane applies its part at the same time as the others (lane 0 on
    /// this thread); results go back to the order of `messages`.
    private func process(_ messages: [InboundMessage], split byLane: [[Int]]) throws -> [ProcessingResult] {
        let used = byLane.indices.filter { !byLane[$0].isEmpty }
        var results = Array(repeating: Result<[ProcessingResult], any Error>.success([]), count: processors.count)
        for lane in used where lane > 0 {
            let part = byLane[lane].map { messages[$0] }
            helpers[lane - 1].start { [processors] in Result(catching: { try processors[lane].process(batch: part) }) }
        }
        if !byLane[0].isEmpty { results[0] = Result(catching: { try primary.process(batch: byLane[0].map { messages[$0] }) }) }
        for lane in used where lane > 0 { results[lane] = helpers[lane - 1].wait() }

        var ordered = Array(repeating: ProcessingResult.retry("not applied"), count: messages.count)
        for lane in used {
            for (index, result) in zip(byLane[lane], try results[lane].get()) { ordered[index] = result }
        }
        return ordered
    }

    /// Reconnects every lane's database connection (after an outage).
    public func reconnect() {
        for processor in processors { try? processor.db.reconnect() }
    }

    /// Hands `settings` to every lane (the configuration in force).
    public func use(_ settings: WorkflowSettings) {
        for processor in processors { processor.settings = settings }
    }

    /// Reloads every lane's working-day calendar.
    public func reloadCalendars() throws {
        for processor in processors { try processor.reloadCalendar() }
    }

    /// Ends the helper threads and closes every lane's connection.
    public func close() {
        for helper in helpers { helper.finish() }
        for processor in processors { processor.db.close() }
    }
}

/// One helper thread of `BatchLanes`: runs one job at a time, handed over and
/// collected through semaphores (which also order the memory accesses).
final class LaneThread: @unchecked Sendable {
    private let go = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var job: (() -> Result<[ProcessingResult], any Error>)?
    private var result: Result<[ProcessingResult], any Error> = .success([])
    private var finishing = false

    init(name: String) {
        let thread = Thread { [self] in
            ThreadGroup.nameCurrentThread(name)
            loop()
        }
        thread.name = name
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func loop() {
        while true {
            go.wait()
            if finishing { return }
            result = job?() ?? .success([])
            job = nil
            done.signal()
        }
    }

    func start(_ job: @escaping () -> Result<[ProcessingResult], any Error>) {
        self.job = job
        go.signal()
    }

    func wait() -> Result<[ProcessingResult], any Error> {
        done.wait()
        return result
    }

    func finish() {
        finishing = true
        go.signal()
    }
}
