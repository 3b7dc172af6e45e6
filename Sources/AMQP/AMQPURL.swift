/// A parsed `amqp://user:password@host:port/vhost` URL.
///
/// User, password and vhost are percent-decoded. The port defaults to 5672, the
/// user and password to `guest`, and the vhost to `/` when the path is empty.
/// Query parameters are ignored. Only the `amqp` scheme is supported (no TLS).
public struct AMQPURL: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address (IPv6 without brackets).
    public var host: String
    /// TCP port (default 5672).
    public var port: Int
    /// User name (percent-decoded).
    public var user: String
    /// Password (percent-decoded; never printed by `description`).
    public var password: String
    /// Virtual host (percent-decoded; `/` when the path is empty).
    public var vhost: String

    /// Creates a URL from its parts.
    public init(host: String, port: Int = 5672, user: String = "guest",
                password: String = "guest", vhost: String = "/") {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.vhost = vhost
    }

    /// Parses `amqp://user:pass@127.0.0.1:5672/wage`; throws `.invalidURL`.
    public init(_ string: String) throws {
        func invalid(_ why: String) -> AMQPError {
            AMQPError(kind: .invalidURL, code: 0,
                      message: "invalid AMQP URL (\(why)): \(AMQPURL.redact(string))", recoverable: false)
        }
        func decoded(_ part: Substring, _ what: String) throws -> String {
            guard let value = Self.decode(part) else { throw invalid("bad escape in \(what)") }
            return value
        }
        let prefix = "amqp://"
        guard string.lowercased().hasPrefix(prefix) else { throw invalid("scheme must be amqp://") }
        var rest = Substring(string.dropFirst(prefix.count))
        if let q = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<q] }

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
        var host = "", port = 5672
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw invalid("unterminated IPv6 host") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { throw invalid("junk after IPv6 host") }
                rest = rest.dropFirst()
                guard let p = Int(rest), (1...65535).contains(p) else { throw invalid("bad port") }
                port = p
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let p = Int(rest[rest.index(after: colon)...]), (1...65535).contains(p) else {
                throw invalid("bad port")
            }
            port = p
        } else {
            host = String(rest)
        }
        guard !host.isEmpty else { throw invalid("empty host") }
        var vhost = "/"
        if let pathPart, !pathPart.isEmpty {
            vhost = try decoded(pathPart, "vhost")
        }
        self.init(host: host, port: port, user: user, password: password, vhost: vhost)
    }

    /// The URL with the password replaced by `***` (safe for logs).
    public var description: String {
        "amqp://\(user):***@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(vhost == "/" ? "%2F" : vhost)"
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
