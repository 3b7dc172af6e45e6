/// Which lane of a worker (`BatchLanes`) applies which messages of a batch,
/// decided from each message's `OrderingKey`: messages with the same key go to
/// the same lane, in delivery order.
public enum LanePlan: Sendable, Equatable {
    /// One lane applies the whole batch: one lane only, one message only, a
    /// message that names nothing (no key), or every key in the same lane.
    case oneLane(Int)
    /// Several lanes apply their parts at the same time: for each lane, the
    /// indices (in delivery order) of the messages it applies; empty when unused.
    case split([[Int]])

    /// The plan for a batch whose messages have `keys` (in delivery order),
    /// on a worker with `lanes` lanes.
    public static func of(keys: [String?], lanes: Int) -> LanePlan {
        guard lanes > 1, keys.count > 1 else { return .oneLane(0) }
        var byLane = Array(repeating: [Int](), count: lanes)
        for (index, key) in keys.enumerated() {
            guard let key else { return .oneLane(0) }
            byLane[OrderingKey.lane(for: key, lanes: lanes)].append(index)
        }
        let used = byLane.indices.filter { !byLane[$0].isEmpty }
        return used.count == 1 ? .oneLane(used[0]) : .split(byLane)
    }
}
