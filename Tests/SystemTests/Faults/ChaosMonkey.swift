import Foundation

/// One fault the monkey injects.
enum Fault: Hashable, CustomStringConvertible {
    /// `kill -9` a process; it is started again after a short random pause.
    case kill(String)
    /// `deploy/local/stack.sh restart-rabbitmq`.
    case restartBroker
    /// `deploy/local/stack.sh restart-postgres`.
    case restartDatabase

    var description: String {
        switch self {
        case .kill(let name): return "kill -9 \(name)"
        case .restartBroker: return "restart RabbitMQ"
        case .restartDatabase: return "restart PostgreSQL"
        }
    }
}

/// Injects a schedule of faults at random moments on its own thread, and
/// restarts any process that died on its own in between (a supervisor).
final class ChaosMonkey: @unchecked Sendable {
    let fleet: ServiceFleet
    let stack: FaultStack
    private let lock = NSLock()
    private var remaining: [Fault]
    private var injected: [(Fault, Date, Double)] = []
    private var failures: [String] = []
    private var finished = false
    private var stopRequested = false
    private let gap: ClosedRange<Double>
    /// How many faults were scheduled.
    let total: Int

    /// Every process killed `killsPerProcess` times, plus broker and database
    /// restarts, shuffled; `gap` = seconds between two faults.
    init(fleet: ServiceFleet, stack: FaultStack, killsPerProcess: Int, brokerRestarts: Int,
         databaseRestarts: Int, gap: ClosedRange<Double>) {
        self.fleet = fleet
        self.stack = stack
        self.gap = gap
        var schedule: [Fault] = []
        for _ in 0..<killsPerProcess { schedule += fleet.names.map(Fault.kill) }
        schedule += Array(repeating: .restartBroker, count: brokerRestarts)
        schedule += Array(repeating: .restartDatabase, count: databaseRestarts)
        schedule.shuffle()
        // A restart of a server is never the very first fault: the load starts first.
        if let i = schedule.firstIndex(where: { if case .kill = $0 { return true } else { return false } }) {
            schedule.swapAt(0, i)
        }
        remaining = schedule
        total = schedule.count
    }

    /// Starts the monkey's thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "chaos-monkey"
        thread.start()
    }

    private func run() {
        while let fault = next() {
            sleep(Double.random(in: gap))
            let started = Date()
            do {
                switch fault {
                case .kill(let name):
                    try fleet.killAndRestart(name, pause: Double.random(in: 0...0.8))
                case .restartBroker:
                    let status = stack.stackScript("restart-rabbitmq")
                    if status != 0 { record(failure: "restart-rabbitmq exited \(status)") }
                case .restartDatabase:
                    let status = stack.stackScript("restart-postgres")
                    if status != 0 { record(failure: "restart-postgres exited \(status)") }
                }
            } catch {
                record(failure: "\(fault): \(error)")
            }
            lock.withLock { injected.append((fault, started, Date().timeIntervalSince(started))) }
            supervise()
        }
        // Keep supervising until the test is done with the load.
        while !lock.withLock({ stopRequested }) {
            supervise()
            Thread.sleep(forTimeInterval: 0.5)
        }
        lock.withLock { finished = true }
    }

    private func next() -> Fault? {
        lock.withLock { stopRequested || remaining.isEmpty ? nil : remaining.removeFirst() }
    }

    /// Sleeps `seconds`, reviving crashed processes every half second.
    private func sleep(_ seconds: Double) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            supervise()
            Thread.sleep(forTimeInterval: min(0.5, max(0, end.timeIntervalSinceNow)))
        }
    }

    private func supervise() {
        do { try fleet.reviveExited() } catch { record(failure: "revive: \(error)") }
    }

    private func record(failure: String) { lock.withLock { failures.append(failure) } }

    /// True when every scheduled fault has been injected (and has finished).
    var scheduleDone: Bool { lock.withLock { injected.count == total } }

    /// Waits until the schedule is done (the load keeps running meanwhile).
    func waitForSchedule(timeout: Double) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end, !scheduleDone { Thread.sleep(forTimeInterval: 0.2) }
        return scheduleDone
    }

    /// Stops the monkey (no further faults) and waits for its thread.
    func stop() {
        lock.withLock { stopRequested = true }
        while !lock.withLock({ finished }) { Thread.sleep(forTimeInterval: 0.1) }
    }

    /// What was injected: (fault, when, how long it took).
    var log: [(Fault, Date, Double)] { lock.withLock { injected } }
    var problems: [String] { lock.withLock { failures } }
}
