/// Percentiles of a set of latencies, in milliseconds.
struct LatencySummary: Codable {
    var count: Int
    var p50: Double
    var p90: Double
    var p99: Double
    var max: Double
    var mean: Double

    /// Summarises `seconds` (nearest-rank percentiles); nil when empty.
    init?(seconds: [Double]) {
        guard !seconds.isEmpty else { return nil }
        let ms = seconds.map { $0 * 1000 }.sorted()
        func rank(_ p: Double) -> Double {
            let index = Int((p / 100 * Double(ms.count)).rounded(.up)) - 1
            return ms[Swift.max(0, Swift.min(ms.count - 1, index))]
        }
        count = ms.count
        p50 = rank(50)
        p90 = rank(90)
        p99 = rank(99)
        max = ms.last!
        mean = ms.reduce(0, +) / Double(ms.count)
    }
}
