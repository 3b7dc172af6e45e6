import HTTPTypes
import Hummingbird
import NIOCore

/// The three operational endpoints of every process:
/// - `GET /healthz`: 200 while the process runs (liveness);
/// - `GET /readyz`: 200 when connected to broker and database and consuming,
///   else 503 with the reasons (JSON);
/// - `GET /metrics`: the Prometheus text exposition format.
public struct HealthRoutes: Sendable {
    /// The Prometheus content type (text format 0.0.4).
    public static let metricsContentType = "text/plain; version=0.0.4; charset=utf-8"

    let readiness: any ReadinessSource
    let metrics: @Sendable () -> String

    /// `metrics` renders the process's registry (called on every scrape).
    public init(readiness: any ReadinessSource, metrics: @escaping @Sendable () -> String) {
        self.readiness = readiness
        self.metrics = metrics
    }

    /// Adds the endpoints to `router`.
    public func register<Context: RequestContext>(_ router: Router<Context>) {
        router.get("/healthz") { _, _ in
            Self.response(.ok, "{\"status\":\"alive\"}\n", type: "application/json")
        }
        router.get("/readyz") { [readiness] _, _ in
            let verdict = readiness.readiness()
            return Self.response(verdict.isReady ? .ok : .serviceUnavailable, verdict.json, type: "application/json")
        }
        router.get("/metrics") { [metrics] _, _ in
            Self.response(.ok, metrics(), type: Self.metricsContentType)
        }
    }

    static func response(_ status: HTTPResponse.Status, _ body: String, type: String) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
