/// Where a process serves `/healthz`, `/readyz` and `/metrics`.
///
/// Every process has a key (`ROUTER`, `WORKER_<CODE>`, `CONSOLE`) and an offset
/// in `processKeys`; its port is `WAGE_HTTP_BASE_PORT` (default 9400) plus that
/// offset, unless `WAGE_HTTP_PORT_<KEY>` names one. The address is `WAGE_HTTP_HOST`
/// (default 127.0.0.1; 0.0.0.0 in a container). `deploy/local/stack.sh` writes the
/// same table to `.local/stack.env` as `WAGE_HTTP_URL_<KEY>`.
public struct HealthEndpoint: Sendable, Equatable {
    /// The address to listen on.
    public let host: String
    /// The TCP port to listen on.
    public let port: Int

    /// The default of `WAGE_HTTP_BASE_PORT`.
    public static let defaultBasePort = 9400
    /// The default of `WAGE_HTTP_HOST`.
    public static let defaultHost = "127.0.0.1"

    /// Every process's key, in port order (offset 0, 1, …). Keep in step with
    /// `HTTP_PROCESSES` in deploy/local/stack.sh.
    public static let processKeys = [
        "ROUTER", "WORKER_HRSS", "WORKER_HOUSING", "WORKER_TRANSPORT", "WORKER_WATER", "WORKER_AGRICULTURE",
        "WORKER_MARKET", "WORKER_POLICE", "WORKER_PETITIONS", "WORKER_JUSTICE", "WORKER_FINANCE", "CONSOLE",
    ]

    /// An endpoint at `host:port`.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// The key of a worker serving the principal `code` (`WORKER_HRSS`).
    public static func workerKey(_ code: String) -> String { "WORKER_" + code.uppercased() }

    /// The endpoint of process `key` from the settings `values` (environment and stack.env).
    /// Throws `HealthServerError` (`http_unknown_process`, `http_bad_port`) for an
    /// unknown key or a setting that is not a port.
    public static func of(process key: String, values: [String: String]) throws -> HealthEndpoint {
        guard let offset = processKeys.firstIndex(of: key) else {
            throw HealthServerError(code: "http_unknown_process",
                                    message: "no HTTP port is assigned to process \(key); known: \(processKeys.joined(separator: ", "))")
        }
        let host = values["WAGE_HTTP_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultHost
        if let explicit = values["WAGE_HTTP_PORT_\(key)"], !explicit.isEmpty {
            return HealthEndpoint(host: host, port: try port(explicit, setting: "WAGE_HTTP_PORT_\(key)"))
        }
        let base = try values["WAGE_HTTP_BASE_PORT"].flatMap { $0.isEmpty ? nil : $0 }
            .map { try port($0, setting: "WAGE_HTTP_BASE_PORT") } ?? defaultBasePort
        return HealthEndpoint(host: host, port: try port(String(base + offset), setting: "WAGE_HTTP_BASE_PORT"))
    }

    static func port(_ text: String, setting: String) throws -> Int {
        guard let value = Int(text), (1...65_535).contains(value) else {
            throw HealthServerError(code: "http_bad_port",
                                    message: "\(setting)=\(text) is not a TCP port (1-65535, and the base plus \(processKeys.count - 1) must fit too); set it to a free port")
        }
        return value
    }

    /// `http://host:port` (what `WAGE_HTTP_URL_<KEY>` holds).
    public var url: String { "http://\(host):\(port)" }
}

/// A setting of the HTTP endpoint is wrong or the server cannot listen.
public struct HealthServerError: Error, CustomStringConvertible, Sendable {
    /// A stable code (`http_unknown_process`, `http_bad_port`, …).
    public let code: String
    /// What went wrong and what to do.
    public let message: String

    /// An error with `code` and `message`.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
