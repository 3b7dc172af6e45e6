import Foundation
import XCTest
import Messages
@testable import Runtime

final class StackEnvironmentTests: XCTestCase {
    func testParsesEnvFilesAsTheShellScriptsDo() {
        let parsed = StackEnvironment.parse("""
            # comment
            WAGE_A=plain
            export WAGE_B="double quoted # not a comment"
            export   WAGE_C='single $quoted'
            WAGE_D="with \\"escaped\\" quotes"
            WAGE_E=
            not a line
            WAGE_A=later wins
            """)
        XCTAssertEqual(parsed["WAGE_A"], "later wins")
        XCTAssertEqual(parsed["WAGE_B"], "double quoted # not a comment")
        XCTAssertEqual(parsed["WAGE_C"], "single $quoted")
        XCTAssertEqual(parsed["WAGE_D"], "with \"escaped\" quotes")
        XCTAssertEqual(parsed["WAGE_E"], "")
        XCTAssertNil(parsed["not a line"])
        XCTAssertEqual(parsed.count, 5)
    }

    func testASecretComesFromItsFileOrTheSecretsDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wage-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("hrss-amqp")
        try "amqp://hrss:s3cret@127.0.0.1:5672/wage\n".write(to: file, atomically: true, encoding: .utf8)
        try "postgresql://wage_hrss@127.0.0.1/wage".write(to: dir.appendingPathComponent("WAGE_DATABASE_URL_HRSS"),
                                                          atomically: true, encoding: .utf8)
        let env = StackEnvironment(values: ["WAGE_AMQP_URL_HRSS_FILE": file.path, "WAGE_SECRETS_DIR": dir.path])
        XCTAssertEqual(try env.amqpURL(for: .hrss), "amqp://hrss:s3cret@127.0.0.1:5672/wage")
        XCTAssertEqual(try env.databaseURL(for: .hrss), "postgresql://wage_hrss@127.0.0.1/wage")
        XCTAssertThrowsError(try env.amqpURL(for: .housing)) { XCTAssertTrue($0 is StackEnvironment.MissingSetting) }
        let broken = StackEnvironment(values: ["WAGE_AMQP_URL_HRSS_FILE": dir.appendingPathComponent("absent").path])
        XCTAssertThrowsError(try broken.amqpURL(for: .hrss)) { error in
            XCTAssertTrue(error is StackEnvironment.UnreadableSecret)
            XCTAssertTrue("\(error)".contains("absent"), "the error names the file")
        }
    }

    func testAScopedProcessKeepsOnlyItsOwnCredentials() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wage-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "amqp://housing:other@h/wage".write(to: dir.appendingPathComponent("WAGE_AMQP_URL_HOUSING"), atomically: true, encoding: .utf8)
        try "amqp://hrss:own@h/wage".write(to: dir.appendingPathComponent("WAGE_AMQP_URL_HRSS"), atomically: true, encoding: .utf8)
        let all = StackEnvironment(values: [
            "WAGE_DATABASE_URL_HRSS": "postgresql://wage_hrss:a@h/wage", "WAGE_DATABASE_URL_POLICE": "postgresql://wage_police:b@h/wage",
            "WAGE_DATABASE_URL": "postgresql://wage_admin:c@h/wage", "WAGE_AMQP_URL_ADMIN": "amqp://admin:d@h/wage",
            "WAGE_AMQP_URL_POLICE_FILE": "/somewhere/police", "WAGE_LOG_LEVEL": "debug", "WAGE_SECRETS_DIR": dir.path,
        ])
        let hrss = all.scoped(to: .hrss)
        XCTAssertEqual(try hrss.databaseURL(for: .hrss), "postgresql://wage_hrss:a@h/wage")
        XCTAssertEqual(try hrss.amqpURL(for: .hrss), "amqp://hrss:own@h/wage", "its own secret file is read")
        XCTAssertEqual(hrss.values["WAGE_LOG_LEVEL"], "debug")
        for key in ["WAGE_DATABASE_URL_POLICE", "WAGE_DATABASE_URL", "WAGE_AMQP_URL_ADMIN", "WAGE_AMQP_URL_POLICE_FILE", "WAGE_SECRETS_DIR"] {
            XCTAssertNil(hrss.values[key], "\(key) kept by hrss")
        }
        XCTAssertThrowsError(try hrss.amqpURL(for: .housing), "another principal's secret file is out of reach")
        XCTAssertThrowsError(try hrss.adminDatabaseURL())
    }
}
