/// A parsed `amqp://user:password@host:port/vhost` or `amqps://…` URL.
///
/// User, password and vhost are percent-decoded. The port defaults to 5672 (5671
/// for `amqps`), the user and password to `guest`, and the vhost to `/` when the
/// path is empty. Several brokers of one cluster are named as a comma-separated
/// host list, `amqp://u:p@h1:5672,h2:5673,h3/wage`, tried in turn
/// (`endpoints`). With `amqps`, the query parameters of RabbitMQ's URI spec set
/// the TLS options (`TLSOptions`): `cacertfile`, `certfile`, `keyfile`, `verify`
/// (`verify_peer`, the default, or `verify_none`); other query parameters are
/// ignored.
public struct AMQPURL: Sendable, Hashable, CustomStringConvertible {
    /// One broker address.
    public struct Endpoint: Sendable, Hashable {
        /// Host name or IP address (IPv6 without brackets).
        public var host: String
        /// TCP port.
        public var port: Int
        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
        var text: String { "\(host.contains(":") ? "[\(host)]" : host):\(port)" }
    }

    /// The brokers to try, in order (at least one).
    public var endpoints: [Endpoint]
    /// User name (percent-decoded).
    public var user: String
    /// Password (percent-decoded; never printed by `description`).
    public var password: String
    /// Virtual host (percent-decoded; `/` when the path is empty).
    public var vhost: String
    /// TLS settings for `amqps`; `nil` for plain `amqp`.
    public var tls: TLSOptions?

    /// The first broker's host.
    public var host: String {
        get { endpoints[0].host }
        set { endpoints[0].host = newValue }
    }
    /// The first broker's port.
    public var port: Int {
        get { endpoints[0].port }
        set { endpoints[0].port = newValue }
    }

    /// Creates a URL for one broker from its parts.
    public init(host: String, port: Int = 5672, user: String = "guest",
                password: String = "guest", vhost: String = "/", tls: TLSOptions? = nil) {
        self.init(endpoints: [Endpoint(host: host, port: port)], user: user, password: password, vhost: vhost, tls: tls)
    }

    /// Creates a URL for brokers tried in turn (`endpoints` must not be empty).
    public init(endpoints: [Endpoint], user: String, password: String, vhost: String, tls: TLSOptions?) {
        precondition(!endpoints.isEmpty, "an AMQP URL names at least one broker")
        self.endpoints = endpoints
        self.user = user
        self.password = password
        self.vhost = vhost
        self.tls = tls
    }

    /// Parses `amqp://user:pass@127.0.0.1:5672/wage` (or `amqps://…`, or a host
    /// list); throws `.invalidURL`.
    public init(_ string: String) throws(AMQPError) {
        func invalid(_ why: String) -> AMQPError {
            AMQPError(kind: .invalidURL, code: 0,
                      message: "invalid AMQP URL (\(why)): \(AMQPURL.redact(string))", recoverable: false)
        }
        func decoded(_ part: Substring, _ what: String) throws(AMQPError) -> String {
            guard let value = Self.decode(part) else { throw invalid("bad escape in \(what)") }
            return value
        }
        let lower = string.lowercased()
        let secure = lower.hasPrefix("amqps://")
        guard secure || lower.hasPrefix("amqp://") else { throw invalid("scheme must be amqp:// or amqps://") }
        var rest = Substring(string.dropFirst(secure ? 8 : 7))
        var query: Substring = ""
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var pathPart: Substring? = nil
        if let slash = rest.firstIndex(of: "/") {
            pathPart = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var user = "guest", password = "guest"
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try decoded(userInfo[..<colon], "user")
                password = try decoded(userInfo[userInfo.index(after: colon)...], "password")
            } else {
                user = try decoded(userInfo, "user")
                password = ""
            }
        }
        let defaultPort = secure ? 5671 : 5672
        var endpoints: [Endpoint] = []
        for hostPort in rest.split(separator: ",", omittingEmptySubsequences: false) {
            guard let endpoint = Self.endpoint(hostPort, defaultPort: defaultPort) else {
                throw invalid(hostPort.isEmpty ? "empty host" : "bad host or port \(hostPort)")
            }
            endpoints.append(endpoint)
        }
        var vhost = "/"
        if let pathPart, !pathPart.isEmpty {
            vhost = try decoded(pathPart, "vhost")
        }
        var tls: TLSOptions?
        if secure {
            var parameters: [String: String] = [:]
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                parameters[try decoded(parts[0], "query")] = parts.count == 2 ? try decoded(parts[1], "query") : ""
            }
            do { tls = try TLSOptions(query: parameters) } catch { throw invalid(error.reason) }
        }
        self.init(endpoints: endpoints, user: user, password: password, vhost: vhost, tls: tls)
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port`; nil when malformed.
    static func endpoint(_ text: Substring, defaultPort: Int) -> Endpoint? {
        var host = "", port = defaultPort
        var rest = text
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let p = Int(rest.dropFirst()), (1...65535).contains(p) else { return nil }
                port = p
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let p = Int(rest[rest.index(after: colon)...]), (1...65535).contains(p) else { return nil }
            port = p
        } else {
            host = String(rest)
        }
        return host.isEmpty ? nil : Endpoint(host: host, port: port)
    }

    /// The URL with the password replaced by `***` (safe for logs).
    public var description: String {
        "\(tls == nil ? "amqp" : "amqps")://\(user):***@\(endpoints.map(\.text).joined(separator: ","))/\(vhost == "/" ? "%2F" : vhost)"
    }

    /// Percent-decodes `text`; nil on a malformed escape.
    static func decode(_ text: Substring) -> String? {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let b = bytes.popFirst() {
            if b == UInt8(ascii: "%") {
                guard bytes.count >= 2, let hi = hex(bytes.popFirst()!), let lo = hex(bytes.popFirst()!)
                else { return nil }
                out.append(hi << 4 | lo)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `text` with any `user:password@` password masked.
    static func redact(_ text: String) -> String {
        guard let schemeEnd = text.firstRange(of: "://"), let at = text.lastIndex(of: "@"),
              at > schemeEnd.upperBound,
              let colon = text[schemeEnd.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return text[..<text.index(after: colon)] + "***" + text[at...]
    }
}
