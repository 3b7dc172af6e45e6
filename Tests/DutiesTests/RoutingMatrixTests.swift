import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// The full from/to matrix of CONTRACT §3, transcribed here independently of the
/// YAML: every message type × every principal.
final class RoutingMatrixTests: XCTestCase {
    /// Expected senders and recipients for the sample payload of each type
    /// (`SamplePayloads.valid(for:)`). `nil` recipients = dead-lettered.
    static let expected: [MessageType: (from: [Principal], to: [Principal]?)] = [
        .clueReport: ([.platform, .petitions, .hrss, .housing, .police, .justice, .transport, .water, .agriculture, .market],
                      [.hrss]),
        // sample: sector construction, to housing; + copy_to hrss (extension)
        .caseTransfer: ([.hrss], [.housing, .hrss]),
        .caseAccept: (anyDepartment, [.hrss]),
        .caseReturn: (anyDepartment, [.hrss]),
        .caseProgress: (anyDepartment, [.hrss]),
        .caseResolved: (anyDepartment, [.hrss]),
        .caseEscalate: (anyDepartment, [.hrss]),
        .caseClose: ([.hrss], [.hrss]),
        .caseAssignLeader: ([.hrss], [.hrss]),
        // sample: notify [housing, police]
        .caseNotice: ([.hrss], [.housing, .police]),
        .officeSweep: ([.hrss], [.hrss]),
        .referralSubmit: ([.hrss], [.police]),
        .referralReceipt: ([.police], [.hrss]),
        // + copy_to police (extension: the police worker sees what its staff sent)
        .referralDecision: ([.police], [.hrss, .police]),
        .referralReconsider: ([.hrss], [.police]),
        .referralMeasure: ([.police], [.hrss, .police]),
        .fundDeposit: ([.finance], [.finance]),
        .fundRequest: ([.hrss], [.finance]),
        .fundDecision: ([.government], [.finance]),
        .fundDisbursed: ([.finance], [.hrss]),
        .fundRejected: ([.finance], [.hrss]),
        .fundRecovered: ([.hrss, .finance], [.finance]),
        .fundWriteoff: ([.government], [.finance]),
        .legalaidRequest: ([.hrss, .petitions, .platform, .justice], [.justice]),
        .legalaidProvider: ([.justice], [.justice]),
        .legalaidDecision: ([.justice], [.justice]),
        // sample: to hrss
        .legalaidAssigned: ([.justice], [.hrss]),
        .petitionReceived: ([.petitions], [.petitions]),
        .incidentAlert: ([.petitions], [.hrss, .police]),
        .messageRejected: (anyDepartment, nil),
        // §7.7 importing earlier years' cases (issue 17)
        .caseImport: ([.hrss], [.hrss]),
        // §9 credit discipline (issue 19)
        .creditList: ([.hrss], [.hrss, .housing, .market]),
        .creditDelist: ([.hrss], [.hrss, .housing, .market]),
        // §8 construction projects, for a registered construction project (regulator: housing).
        .projectRegister: ([.housing], [.hrss, .housing]),
        .projectCompleted: ([.housing], [.hrss, .housing]),
        .depositPaid: ([.hrss], [.hrss]),
        .depositDrawn: ([.hrss], [.hrss, .housing]),
        .depositReleased: ([.hrss], [.hrss, .housing]),
        .accountOpened: ([.bank], [.hrss, .housing]),
        .accountFunded: ([.bank], [.hrss, .housing]),
        .accountAlert: ([.bank], [.hrss, .housing]),
        .accountStatement: ([.bank], [.hrss]),
        .rosterEnrol: ([.platform, .housing], [.hrss]),
        .payrollSubmitted: ([.platform], [.hrss]),
        .inspectionRecorded: ([.hrss, .housing], [.hrss, .housing]),
        // department returns (issue 22): the sample's kind (construction_starts) is housing's own
        .reportSubmitted: ([.housing], [.hrss]),
        .reportReminder: ([.hrss], [.housing]),
    ]

    /// Types whose `from` is wider than who may send the sample: the kind of return
    /// names its owner, and the others in `from` are refused `forbidden_sender` for it.
    static let kindOwnerSends: [MessageType: [Principal]] = [
        .reportSubmitted: [.hrss, .housing, .water, .finance, .market, .police],
    ]

    /// The project types whose `from` names the regulator (housing for the samples'
    /// construction project) rather than fixed principals.
    static let regulatorSends: Set<MessageType> = [.projectRegister, .projectCompleted, .rosterEnrol, .inspectionRecorded]

    /// The router's project directory in these tests: every sample project is a construction project.
    static func constructionProject(_ projectNo: String) -> Sector? { .construction }

    func testMatrixCoversEveryMessageType() {
        XCTAssertEqual(Set(Self.expected.keys), Set(MessageType.allCases))
    }

    func testEveryTypeAndEveryPrincipal() throws {
        let list = try shipped()
        for type in MessageType.allCases {
            guard let (from, to) = Self.expected[type] else { XCTFail("no expectation for \(type)"); continue }
            let fixedSenders = Self.regulatorSends.contains(type) ? from.filter { $0 != .housing } : from
            XCTAssertEqual(list.duty(for: type)?.senders, (Self.kindOwnerSends[type] ?? fixedSenders).sorted(),
                           "senders of \(type.rawValue)")
            XCTAssertEqual(list.duty(for: type)?.regulatorMaySend, Self.regulatorSends.contains(type), type.rawValue)
            let body = SamplePayloads.valid(for: type)
            for principal in Principal.allCases {
                let decision = route(type: type.rawValue, sender: principal.rawValue, body: body, dutyList: list,
                                     projects: Self.constructionProject)
                let label = "\(type.rawValue) from \(principal.rawValue)"
                guard from.contains(principal) else {
                    XCTAssertEqual(decision, .reject(.forbiddenSender), label)
                    continue
                }
                if let to {
                    XCTAssertEqual(decision, .deliver(recipients: to.sorted(), version: "2026-2"), label)
                } else if case .deadLetter(.workerRejection(let rejection), let version) = decision {
                    XCTAssertEqual(version, "2026-2")
                    XCTAssertEqual(rejection.rejectedBy, principal, label)
                } else {
                    XCTFail("\(label): expected dead letter, got \(decision)")
                }
            }
        }
    }

    func testSampleSenderIsAllowed() throws {
        let list = try shipped()
        for type in MessageType.allCases {
            XCTAssertTrue(list.maySend(SamplePayloads.sender(for: type), type), type.rawValue)
        }
    }

    func testUnknownTypeComesFirst() throws {
        let list = try shipped()
        XCTAssertEqual(route(type: "case.reopen", sender: "hrss", body: [:], dutyList: list), .reject(.unknownType))
        XCTAssertEqual(route(type: "", sender: "nobody", body: "x", dutyList: list), .reject(.unknownType))
        XCTAssertEqual(route(type: "Case.Accept", sender: "hrss", body: [:], dutyList: list), .reject(.unknownType))
    }

    func testUnknownSenderIsForbiddenBeforeSchema() throws {
        let list = try shipped()
        for sender in ["", "HRSS", "guest", "admin", "hrss "] {
            XCTAssertEqual(route(type: "case.accept", sender: sender, body: [:], dutyList: list),
                           .reject(.forbiddenSender), sender)
        }
        // A forbidden sender with a broken body is still forbidden_sender.
        XCTAssertEqual(route(type: "fund.request", sender: "police", body: "not an object", dutyList: list),
                       .reject(.forbiddenSender))
    }

    func testSchemaComesBeforeRecipients() throws {
        let list = try shipped()
        // notify names a non-department and case_id is missing: schema wins.
        let body: JSONValue = ["event": "x", "notify": ["government"]]
        XCTAssertEqual(route(type: "case.notice", sender: "hrss", body: body, dutyList: list), .reject(.schema("case_id")))
        XCTAssertEqual(route(type: "case.accept", sender: "housing", body: ["x", 1], dutyList: list), .reject(.invalidJSON))
    }

    func testWorkerRejectionCarriesTheOriginal() throws {
        let list = try shipped()
        let decision = route(type: "message.rejected", sender: "police",
                             body: SamplePayloads.valid(for: .messageRejected), dutyList: list)
        let expected = WorkerRejection(originalMessageID: "m-0001", originalType: .caseAccept, reason: .notAssignee,
                                       originalSender: .police, originalBody: "{\"case_id\":\"C-0001\"}",
                                       rejectedBy: .police)
        XCTAssertEqual(decision, .deadLetter(.workerRejection(expected), version: "2026-2"))
    }
}
