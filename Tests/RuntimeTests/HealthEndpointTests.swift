import HealthServer
import XCTest

/// Where each process serves its health endpoints (no servers).
final class HealthEndpointTests: XCTestCase {
    func testPortsAreTheBasePlusTheProcessOffset() throws {
        XCTAssertEqual(try HealthEndpoint.of(process: "ROUTER", values: [:]), HealthEndpoint(host: "127.0.0.1", port: 9400))
        XCTAssertEqual(try HealthEndpoint.of(process: "WORKER_HRSS", values: [:]).port, 9401)
        XCTAssertEqual(try HealthEndpoint.of(process: "CONSOLE", values: [:]).port, 9411)
        let values = ["WAGE_HTTP_BASE_PORT": "9600", "WAGE_HTTP_HOST": "0.0.0.0"]
        XCTAssertEqual(try HealthEndpoint.of(process: HealthEndpoint.workerKey("transport"), values: values),
                       HealthEndpoint(host: "0.0.0.0", port: 9603))
        XCTAssertEqual(try HealthEndpoint.of(process: "WORKER_HRSS", values: values).url, "http://0.0.0.0:9601")
    }

    func testEveryProcessHasItsOwnPort() throws {
        let ports = try HealthEndpoint.processKeys.map { try HealthEndpoint.of(process: $0, values: [:]).port }
        XCTAssertEqual(Set(ports).count, HealthEndpoint.processKeys.count)
    }

    func testAnExplicitPortWins() throws {
        let values = ["WAGE_HTTP_BASE_PORT": "9600", "WAGE_HTTP_PORT_WORKER_POLICE": "18080"]
        XCTAssertEqual(try HealthEndpoint.of(process: "WORKER_POLICE", values: values).port, 18080)
    }

    func testBadSettingsAreRefusedWithACode() {
        for values in [["WAGE_HTTP_BASE_PORT": "ninety"], ["WAGE_HTTP_BASE_PORT": "65530"], ["WAGE_HTTP_PORT_CONSOLE": "0"]] {
            XCTAssertThrowsError(try HealthEndpoint.of(process: "CONSOLE", values: values)) { error in
                XCTAssertEqual((error as? HealthServerError)?.code, "http_bad_port", "\(values)")
            }
        }
        XCTAssertThrowsError(try HealthEndpoint.of(process: "WORKER_NOBODY", values: [:])) { error in
            XCTAssertEqual((error as? HealthServerError)?.code, "http_unknown_process")
        }
    }
}
