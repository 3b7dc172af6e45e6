/// One worker on a project's real-name roster (实名制, CONTRACT §8.4). `name` and
/// `idNumber` are personal data: readable by hrss only, masked in logs.
public struct RosterWorker: Sendable, Hashable {
    /// The real-name platform's id (1 ... 64 characters); the roster's key.
    public var workerID: String
    public var name: String
    public var idNumber: String?
    /// The worker's direct employer (a subcontractor or the contractor itself).
    public var employer: Employer
    /// A labour contract signed (the Regulation: no site entry without one).
    public var contractSigned: Bool
    public var enteredOn: Day

    public init(workerID: String, name: String, idNumber: String? = nil, employer: Employer, contractSigned: Bool,
                enteredOn: Day) {
        self.workerID = workerID
        self.name = name
        self.idNumber = idNumber
        self.employer = employer
        self.contractSigned = contractSigned
        self.enteredOn = enteredOn
    }

    init(_ r: FieldReader) throws(RejectionReason) {
        let id = try r.string("worker_id")
        guard id.count <= SchemaBounds.maxWorkerIDLength else { throw .schema(r.field("worker_id")) }
        let name = try r.string("name")
        let idNumber = try r.optionalString("id_number")
        let e = try r.object("employer")
        self.init(workerID: id, name: name, idNumber: idNumber,
                  employer: Employer(name: try e.string("name"), creditCode: try e.optionalString("credit_code")),
                  contractSigned: try r.bool("contract_signed"), enteredOn: try r.day("entered_on"))
    }

    /// The wire object.
    public var json: JSONValue {
        .compact(["worker_id": .string(workerID), "name": .string(name), "id_number": idNumber.map(JSONValue.string),
                  "employer": employer.json, "contract_signed": .bool(contractSigned), "entered_on": .day(enteredOn)])
    }

    static let fields: [FieldSpec] = [
        .req("worker_id", .workerID), .req("name", .text), .opt("id_number", .id),
        .req("employer", .object([.req("name", .text), .opt("credit_code", .id)])),
        .req("contract_signed", .bool), .req("entered_on", .day),
    ]
}

/// `roster.enrol` (platform or the regulator → hrss; §8.4): adds or updates workers on
/// the project's roster (1 ... 500 per message, each `worker_id` once).
public struct RosterEnrol: Sendable, Hashable {
    /// Most workers in one message (CONTRACT §8.1).
    public static let maxWorkers = 500

    public var projectNo: String
    public var workers: [RosterWorker]

    public init(projectNo: String, workers: [RosterWorker]) {
        self.projectNo = projectNo
        self.workers = workers
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let projectNo = try r.string("project_no")
        let items = try r.objects("workers")
        guard (1...Self.maxWorkers).contains(items.count) else { throw .schema("workers") }
        var workers: [RosterWorker] = []
        workers.reserveCapacity(items.count)
        for item in items { workers.append(try RosterWorker(item)) }
        if let index = DuplicateKeys.firstRepeat(workers.map(\.workerID)) { throw .schema("workers[\(index)].worker_id") }
        self.init(projectNo: projectNo, workers: workers)
    }
}

/// Finding a key repeated within one message (a worker twice on one roster or payroll).
enum DuplicateKeys {
    /// The index of the first element equal to an earlier one.
    static func firstRepeat(_ keys: [String]) -> Int? {
        var seen = Set<String>()
        seen.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() where !seen.insert(key).inserted { return index }
        return nil
    }

    /// The same over the string member `member` of the objects of array `field`.
    static func firstRepeat(in object: [String: JSONValue], array field: String, member: String) -> String? {
        guard let items = object[field]?.arrayValue else { return nil }
        let keys = items.map { $0.objectValue?[member]?.stringValue ?? "" }
        return firstRepeat(keys).map { "\(field)[\($0)].\(member)" }
    }
}

extension FieldKind {
    /// A real-name platform worker id: 1 to 64 characters (CONTRACT §8.1).
    public static let workerID = FieldKind.string(minLength: 1, maxLength: SchemaBounds.maxWorkerIDLength)
}

// MARK: - Catalogue entry (CONTRACT §8.1)

extension RosterEnrol: WireMessage {
    public static let wireType = MessageType.rosterEnrol
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo),
        .req("workers", .array(of: .object(RosterWorker.fields), minCount: 1, maxCount: maxWorkers)),
    ]
    public static func crossFieldProblem(in object: [String: JSONValue], today: Day) -> String? {
        DuplicateKeys.firstRepeat(in: object, array: "workers", member: "worker_id")
    }
    public static let sample: JSONValue = [
        "project_no": "P-2026-001",
        "workers": [
            ["worker_id": "W-0001", "name": "王强", "id_number": "500101199001011234",
             "employer": ["name": "某劳务有限公司", "credit_code": "91500000MA5U333333"],
             "contract_signed": true, "entered_on": "2026-03-10"],
            ["worker_id": "W-0002", "name": "李梅", "employer": ["name": "某劳务有限公司"],
             "contract_signed": false, "entered_on": "2026-03-12"],
        ]]
    public static let sampleSender = Principal.platform
    public var json: JSONValue { ["project_no": .string(projectNo), "workers": .array(workers.map(\.json))] }
}
