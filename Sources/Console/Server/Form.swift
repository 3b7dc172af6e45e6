import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body or query, decoded.
struct Form: Sendable {
    let values: [String: String]

    init(encoded text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(String(parts[0]))
            let value = parts.count > 1 ? Self.decode(String(parts[1])) : ""
            if values[key] == nil { values[key] = value }
        }
        self.values = values
    }

    static func read(_ request: Request) async throws -> Form {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return Form(encoded: String(buffer: buffer))
    }

    subscript(_ key: String) -> String? {
        values[key].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    private static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
