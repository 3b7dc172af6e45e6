import AMQP
import Foundation
import TestSupport
import XCTest

/// The local stack's AMQP URLs and how to drive it.
///
/// The stack is located by `LocalStack` (TestSupport): `WAGE_STACK_ENV`, else
/// `$WAGE_LOCAL_DIR/stack.env`, else the repository's `.local/stack.env`;
/// `WAGE_AMQP_URL_*` in the environment win over the file. Fails with a clear
/// message when no URL is found.
struct TestStack {
    let values: [String: String]
    /// The repository root (where `deploy/local/stack.sh` lives).
    let root: String
    /// The stack's data directory (`WAGE_LOCAL_DIR` for stack.sh).
    let localDir: String?

    static func load() throws -> TestStack {
        let local = LocalStack.current
        var values = local.fileValues
        for (k, v) in local.environment where k.hasPrefix("WAGE_AMQP_URL_") { values[k] = v }
        guard values["WAGE_AMQP_URL_ADMIN"] != nil, let root = local.repoRoot?.path else { throw StackMissing() }
        return TestStack(values: values, root: root, localDir: local.isPresent ? local.localDir : nil)
    }

    /// The URL of principal `code` (e.g. `hrss`, `router`, `admin`).
    func url(_ code: String) throws -> AMQPURL {
        let key = "WAGE_AMQP_URL_\(code.uppercased())"
        guard let text = values[key] else { throw StackMissing(detail: "\(key) is not set") }
        return try AMQPURL(text)
    }

    /// Runs `deploy/local/stack.sh <command>` for this stack (same data dir and ports)
    /// and waits for it. Uses posix_spawn + waitpid: Foundation's `Process` can miss the
    /// child's exit when it leaves a daemon (the broker) behind.
    func stack(_ command: String) throws {
        var env = ProcessInfo.processInfo.environment
        if env["WAGE_LOCAL_DIR"] == nil, let localDir { env["WAGE_LOCAL_DIR"] = localDir }
        for key in ["WAGE_AMQP_PORT", "WAGE_PG_PORT", "WAGE_EPMD_PORT"] where env[key] == nil { env[key] = values[key] }
        let argv = ["/bin/bash", root + "/deploy/local/stack.sh", command]
        let envp = env.map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = envp.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var pid = pid_t()
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cArgv, &cEnv)
        guard rc == 0 else { throw StackMissing(detail: "cannot run stack.sh: errno \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw StackMissing(detail: "deploy/local/stack.sh \(command) failed (wait status \(status))")
        }
    }
}

struct StackMissing: Error, CustomStringConvertible {
    var detail = "no .local/stack.env and no WAGE_AMQP_URL_* in the environment"
    var description: String {
        "AMQP integration tests need the local stack: run `deploy/local/stack.sh up` (\(detail))"
    }
}

/// A unique message id for this test run.
func uniqueID(_ label: String) -> String {
    "amqp-test:\(label):\(UUID().uuidString.lowercased())"
}

/// A JSON-ish body for a message id.
func body(_ id: String) -> [UInt8] {
    Array("{\"id\":\"\(id)\"}".utf8)
}

/// Consumes everything in `queue` as admin and acks it (for queues the tests own).
func drain(_ queue: String, _ stack: TestStack) throws {
    let consumer = try AMQPConsumer(url: try stack.url("admin"), queue: queue, prefetch: 500, name: "amqp-test-drain")
    defer { consumer.close() }
    var last: AMQPDelivery?
    while let d = try consumer.next(timeout: 0.3) { last = d }
    if let last { try consumer.ack(last, multiple: true) }
}

/// Reads deliveries until every id in `ids` was seen (or `timeout` passed); deliveries
/// with other ids (other engineers' messages on a shared queue) are left unacked and
/// come back to the queue when the consumer closes.
func collect(_ ids: Set<String>, from consumer: AMQPConsumer, timeout: Double = 5,
             file: StaticString = #filePath, line: UInt = #line) throws -> [String: AMQPDelivery] {
    var found: [String: AMQPDelivery] = [:]
    let end = Date().addingTimeInterval(timeout)
    while found.count < ids.count && Date() < end {
        guard let d = try consumer.next(timeout: 0.5) else { continue }
        if let id = d.properties.messageID, ids.contains(id) { found[id] = d }
    }
    XCTAssertEqual(Set(found.keys), ids,
                   "deliveries not received within \(timeout) s; if another suite (SystemTests: routers, "
                   + "queue purges, broker restarts) ran on the same stack at the same time, run AMQPTests alone "
                   + "or on a separate stack (WAGE_LOCAL_DIR, WAGE_AMQP_PORT, WAGE_EPMD_PORT)", file: file, line: line)
    return found
}

/// A message for `wage.dept` (admin may write there) routed to `key`.
func deptMessage(_ id: String, key: String = "platform") -> OutgoingMessage {
    OutgoingMessage(exchange: "wage.dept", routingKey: key,
                    properties: AMQPProperties(messageID: id, type: "amqp.test", contentType: "application/json"),
                    body: body(id))
}
