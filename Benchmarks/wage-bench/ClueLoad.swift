import AMQP
import Duties
import Foundation
import Runtime
import Messages
import Workflow

/// The offered load of one phase: `clue.report`s published as `platform`
/// (persistent, confirmed, `mandatory`), either paced at `rate` per second or as
/// fast as confirms allow (`rate == nil`, batches of 100). Records the moment
/// each clue was handed to the broker (just before its batch was sent).
final class ClueLoad: @unchecked Sendable {
    let phase: String
    let run: String
    let count: Int
    let rate: Double?
    /// Publish time of clue `n` (seconds since 1970); 0 = not published.
    private(set) var publishedAt: [Double]
    private(set) var published = 0
    /// Set when the paced load was stopped early because the pipeline fell behind.
    private(set) var stoppedEarly: String?
    private let lock = NSLock()

    init(phase: String, run: String, count: Int, rate: Double?) {
        self.phase = phase
        self.run = run
        self.count = count
        self.rate = rate
        publishedAt = [Double](repeating: 0, count: count)
    }

    /// The clue_ref of clue `n`; every clue of the phase sorts between `refRange`'s bounds.
    func clueRef(_ n: Int) -> String { "bench-\(run)-\(phase)-" + String(format: "%07d", n) }
    var refRange: (low: String, high: String) { ("bench-\(run)-\(phase)-", "bench-\(run)-\(phase)-~") }

    /// Clue `n`'s index from its clue_ref, or nil when it is not one of this phase.
    func index(ofRef ref: String) -> Int? {
        guard ref.hasPrefix(refRange.low) else { return nil }
        return Int(ref.dropFirst(refRange.low.count))
    }

    var publishedCount: Int { lock.lock(); defer { lock.unlock() }; return published }
    func times() -> [Double] { lock.lock(); defer { lock.unlock() }; return publishedAt }

    /// Publishes the phase's clues; `behind()` is asked before each paced batch and
    /// returns a reason to stop (the pipeline's backlog is too long) or nil.
    func publish(with publisher: AMQPPublisher, behind: () -> String?) throws {
        let started = wallNow()
        var sent = 0
        while sent < count {
            let due: Int
            if let rate {
                let now = wallNow()
                let target = min(count, Int((now - started) * rate) + 1)
                if target <= sent { pause(max(0.0005, started + Double(sent) / rate - now)); continue }
                if let reason = behind() { lock.lock(); stoppedEarly = reason; lock.unlock(); return }
                due = target
            } else {
                due = min(count, sent + 100)
            }
            let batch = (sent..<due).map(message)
            let stamp = wallNow()
            try publisher.publish(batch, timeout: 30)
            lock.lock()
            for n in sent..<due { publishedAt[n] = stamp }
            published = due
            lock.unlock()
            sent = due
        }
    }

    private func message(_ n: Int) -> OutgoingMessage {
        .wage(from: .platform, messageID: "bench-\(run)-\(phase)-clue-\(n)", type: "clue.report", body: sampleBody(n))
    }

    /// The JSON body of clue `n`: the sample clue with this run's clue_ref, no reporter.
    func sampleBody(_ n: Int) -> [UInt8] {
        var body = SamplePayloads.valid(for: .clueReport).objectValue ?? [:]
        body["channel"] = .string("national_platform")
        body["clue_ref"] = .string(clueRef(n))
        body["employer"] = ["name": "wage-bench 基准测试劳务有限公司", "credit_code": "91500000MA5U000000"]
        body["description"] = .string("wage-bench synthetic clue (benchmark run \(run))")
        body["reporter"] = nil
        return Array(JSONValue.object(body).serialized.utf8)
    }
}
