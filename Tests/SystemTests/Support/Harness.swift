import AMQP
import Departments
import Duties
import Foundation
import Logging
import Router
import Runtime
import Store
@testable import Messages
import TestSupport
import Workflow
import XCTest

/// Runs the router and chosen workers in-process, on their own threads, against
/// the real RabbitMQ and PostgreSQL of `deploy/local/stack.sh`; publishes as any
/// principal; reads results as the administrator.
final class Harness {
    let env: StackEnvironment
    let admin: PGConnection
    let stop = StopFlag()
    let threads = ThreadGroup()
    let logger: Logger
    var publishers: [String: AMQPPublisher] = [:]
    /// The repository root (`LocalStack`, TestSupport).
    static let repoRoot: URL = LocalStack.current.repoRoot
        ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    init() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["WAGE_STACK_ENV"] = Harness.stackEnvPath
        env = StackEnvironment.load(environment: environment)
        guard env.values["WAGE_DATABASE_URL"] != nil else {
            throw StackEnvironment.MissingSetting(key: "WAGE_DATABASE_URL")
        }
        admin = try PGConnection(url: try env.adminDatabaseURL(), applicationName: "system-tests")
        var logger = Logger(label: "system-test")
        logger.logLevel = ProcessInfo.processInfo.environment["WAGE_TEST_LOG"] == nil ? .critical : .debug
        self.logger = logger
    }

    /// The shipped duty list.
    static func shippedDutyList() throws -> DutyList {
        try DutyListLoader.load(path: repoRoot.appendingPathComponent("deploy/duty-lists/2026-2.yaml").path)
    }

    /// Empties every queue (as admin) so a test starts from nothing.
    func purgeQueues() throws {
        let queues = ["router.intake", "wage.dead"] + Principal.allCases.filter { $0 != .router }.map(\.queueName)
        for q in queues { _ = try drain(q) }
    }

    /// Consumes and acks everything in `queue` as admin; returns the deliveries.
    @discardableResult
    func drain(_ queue: String, idle: Double = 0.05) throws -> [AMQPDelivery] {
        let consumer = try AMQPConsumer(url: try AMQPURL(try env.adminAMQPURL()), queue: queue, prefetch: 500, name: "drain")
        defer { consumer.close() }
        var got: [AMQPDelivery] = []
        while let d = try consumer.next(timeout: idle) {
            got.append(d)
            try consumer.ack(d)
        }
        return got
    }

    /// Starts `threads` router consumers with `dutyList` in force.
    func startRouter(dutyList: DutyList? = nil, threads count: Int = 1) throws {
        let list = try dutyList ?? Harness.shippedDutyList()
        try DutyListStore.install(list, db: admin, activation: .always)
        try RouterService(dutyList: list, databaseURL: try env.databaseURL(for: .router),
                          amqpURL: try env.amqpURL(for: .router), threads: count, logger: logger)
            .start(stop: stop, threads: threads)
    }

    /// Starts a worker for `principal` with the handler `make` builds.
    /// `clock` lets deadline tests choose "now" (see `TestClock`).
    /// Starts a worker in-process with as many lanes as its executable uses by default.
    func startWorker(_ principal: Principal, clock: TestClock? = nil, lanes: Int? = nil,
                     _ make: @escaping WorkerService.HandlerFactory) throws {
        let now: @Sendable () -> Date
        if let clock { now = { clock.now } } else { now = { Date() } }
        try WorkerService(principal: principal, databaseURL: try env.databaseURL(for: principal),
                          amqpURL: try env.amqpURL(for: principal), lanes: lanes ?? Workers.lanes(for: principal),
                          logger: logger, clock: now, makeHandler: make)
            .start(stop: stop, threads: threads)
    }

    /// Publishes a contract message as `principal` (to `wage.intake`).
    func publish(as principal: Principal, _ type: String, _ body: JSONValue, id: String = Harness.newID(),
                 userID: String? = nil) throws {
        try publishRaw(as: principal, type: type, body: Array(body.serialized.utf8), id: id, userID: userID)
    }

    func publishRaw(as principal: Principal, type: String?, body: [UInt8], id: String?, userID: String? = nil,
                    contentType: String? = "application/json") throws {
        let key = principal.rawValue
        if publishers[key] == nil {
            publishers[key] = try AMQPPublisher(url: try AMQPURL(try env.amqpURL(for: principal)), name: "test-\(key)")
        }
        var props = AMQPProperties()
        props.messageID = id
        props.type = type
        props.userID = userID == "" ? nil : (userID ?? principal.rawValue)  // "" = leave it out
        props.contentType = contentType
        props.deliveryMode = 2
        try publishers[key]!.publish([OutgoingMessage(
            exchange: "wage.intake", routingKey: type ?? "none", properties: props, body: body)])
    }

    /// Polls `condition` (on the admin connection) until it holds or `timeout` passes.
    func waitUntil(_ what: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out after \(timeout) s waiting for: \(what)", file: file, line: line)
        throw Timeout(what: what)
    }

    struct Timeout: Error { let what: String }

    /// Rows of an admin query.
    func rows(_ sql: String, _ params: [any PGBindable] = []) throws -> [PGRow] {
        try admin.execute(sql, params).rows
    }

    /// A single text value of an admin query (nil when no row or NULL).
    func value(_ sql: String, _ params: [any PGBindable] = []) throws -> String? {
        try rows(sql, params).first.flatMap { row in row.columnNames.first.flatMap { row[$0] } }
    }

    func shutdown() async {
        stop.set()
        await threads.wait()
        for p in publishers.values { p.close() }
        admin.close()
    }

    static func newID(_ label: String = "t") -> String { "\(label)-\(UUID().uuidString.lowercased())" }
}

/// A settable clock for workers under test (thread-safe).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    /// Noon in Asia/Shanghai on `day`.
    convenience init(shanghaiNoonOf day: Day) { self.init(day.shanghaiStart.addingTimeInterval(12 * 3600)) }

    var now: Date { lock.lock(); defer { lock.unlock() }; return current }

    func set(_ date: Date) { lock.lock(); current = date; lock.unlock() }
    func set(shanghaiNoonOf day: Day) { set(day.shanghaiStart.addingTimeInterval(12 * 3600)) }
}
