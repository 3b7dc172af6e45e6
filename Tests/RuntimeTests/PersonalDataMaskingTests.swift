import Logging
import Runtime
import XCTest

/// Personal data never reaches a log line unmasked.
final class PersonalDataMaskingTests: XCTestCase {
    func testIDNumbersAndPhonesAreMasked() {
        XCTAssertEqual(PersonalDataMasking.mask("id 11010519491231002X ok"), "id 110*************2X ok")
        XCTAssertEqual(PersonalDataMasking.mask("110105194912310021"), "110*************21")
        XCTAssertEqual(PersonalDataMasking.mask("电话13812345678，"), "电话138******78，")
        XCTAssertEqual(PersonalDataMasking.mask("{\"phone\":\"023-68881234\"}"), "{\"phone\":\"023-688***34\"}")
    }

    func testShortNumbersHashesAndAmountsStay() {
        XCTAssertEqual(PersonalDataMasking.mask("workers 45, amount 125000.00"), "workers 45, amount 125000.00")
        XCTAssertEqual(PersonalDataMasking.mask("sha256=ea261e40370b152c1c74214b499dca3d9fb12ba267ed8e90ae1ea6817773b3"),
                       "sha256=ea261e40370b152c1c74214b499dca3d9fb12ba267ed8e90ae1ea6817773b3")
        XCTAssertEqual(PersonalDataMasking.mask("2026-11-21"), "2026-11-21")
        XCTAssertEqual(PersonalDataMasking.mask("{\"amount_paid\": \"1280000.00\"}"), "{\"amount_paid\": \"1280000.00\"}")
        XCTAssertEqual(PersonalDataMasking.mask("tel 13812345678."), "tel 138******78.")
    }

    func testTheLogHandlerMasksMessagesAndMetadata() {
        final class Capture: @unchecked Sendable { var lines: [String] = [] }
        let capture = Capture()
        struct Sink: LogHandler {
            let capture: Capture
            var logLevel: Logger.Level = .trace
            var metadata: Logger.Metadata = [:]
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?,
                     source: String, file: String, function: String, line: UInt) {
                capture.lines.append("\(message) \(metadata.map { "\($0)" } ?? "")")
            }
        }
        let logger = Logger(label: "t", factory: { _ in MaskingLogHandler(wrapping: Sink(capture: capture)) })
        logger.info("reporter 13812345678", metadata: ["id_number": "11010519491231002X", "nested": ["p": "13900001111"]])
        let line = capture.lines.joined()
        XCTAssertFalse(line.contains("13812345678"))
        XCTAssertFalse(line.contains("11010519491231002X"))
        XCTAssertFalse(line.contains("13900001111"))
        XCTAssertTrue(line.contains("138******78"))
    }
}
