import Foundation
import Hummingbird

/// One page of a list: which page was asked for, how many there are, and the
/// links' context (`previous`, `next`, `query` = the filters to keep in the links).
struct Paging: Sendable {
    let page: Int
    let size: Int

    /// The `page` query parameter (1 when missing or not a positive number).
    init(_ request: Request, size: Int) {
        page = max(1, request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1)
        self.size = size
    }

    /// `LIMIT … OFFSET …` for this page; empty for an export (every row).
    func limit(csv: Bool) -> String { csv ? "" : "LIMIT \(size) OFFSET \((page - 1) * size)" }

    /// The pager's context for `total` rows, with the filters `query` (already encoded).
    func context(total: Int, query: String) -> [String: Any] {
        let pages = max(1, (total + size - 1) / size)
        var ctx: [String: Any] = ["total": total, "page": page, "pages": pages, "query": query]
        if page > 1 { ctx["previous"] = page - 1 }
        if page < pages { ctx["next"] = page + 1 }
        return ctx
    }

    /// `a=1&b=2` from the filters, each value percent-encoded; empty values left out.
    static func query(_ filters: [(String, String)]) -> String {
        filters.filter { !$0.1.isEmpty }.map { key, value in
            key + "=" + (value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
        }.joined(separator: "&")
    }

    /// RFC 3986's unreserved characters (ASCII only): everything else is percent-encoded.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

/// A filter value from the query, kept only when it is one of `allowed` (else "").
func chosen(_ request: Request, _ key: String, among allowed: some Collection<String>) -> String {
    request.uri.queryParameters.get(key).flatMap { allowed.contains($0) ? $0 : nil } ?? ""
}
