import AMQP
import Duties
import Foundation
import Messages
import Runtime
import Store

/// What became of an act, as the page shows it.
struct Verdict: Sendable {
    /// `accepted`, `refused` or `pending`.
    let kind: String
    let text: String
}

/// Builds the message of an act with the catalogue types, checks it with the
/// router's own rules (`Duties.route`, the duty list in force), publishes it as the
/// person's department with `x-wage-actor` = the staff login, and waits briefly for
/// the router's decision and the receiver's refusal or effect.
struct ActSender: Sendable {
    let connections: Connections
    let staff: StaffDirectory
    let settings: ConsoleSettings

    /// The acts on a case page and the message type each sends.
    static let types = ["accept": "case.accept", "return": "case.return", "progress": "case.progress",
                        "resolved": "case.resolved", "escalate": "case.escalate"]

    /// The payload of `act`, built with the catalogue's memberwise initialisers;
    /// nil with the local reason when a field cannot even be built.
    static func payload(_ act: String, form: Form, caseID: String) -> Result<JSONValue, RejectionReason> {
        func text(_ key: String) -> String { form[key] ?? "" }
        switch act {
        case "accept": return .success(CaseAccept(caseID: caseID).json)
        case "return": return .success(CaseReturn(caseID: caseID, reason: text("reason")).json)
        case "progress": return .success(CaseProgress(caseID: caseID, note: text("note")).json)
        case "escalate": return .success(CaseEscalate(caseID: caseID, reason: text("reason")).json)
        case "resolved":
            guard let disposition = CaseDisposition(rawValue: form["disposition"] ?? "paid") else {
                return .failure(.schema("disposition"))
            }
            var amount: Money?
            if let given = form["amount_paid"], !given.isEmpty {
                guard let m = Money(yuan: given) else { return .failure(.schema("amount_paid")) }
                amount = m
            }
            var workers: Int?
            if let given = form["workers_paid"], !given.isEmpty {
                guard let n = Int(given) else { return .failure(.schema("workers_paid")) }
                workers = n
            }
            let note = form["note"].flatMap { $0.isEmpty ? nil : $0 }
            return .success(CaseResolved(caseID: caseID, disposition: disposition, amountPaid: amount,
                                         workersPaid: workers, note: note).json)
        default: return .failure(.unknownType)
        }
    }

    /// The effect of a case act: its entry on the case timeline.
    static let caseEffect = "SELECT 1 FROM wage.case_timeline WHERE message_id = $1 LIMIT 1"

    func send(_ form: Form, caseID: String, person: Person, address: String) async -> Verdict {
        let act = form["act"] ?? ""
        let type = Self.types[act] ?? act
        return await dispatch(type: type, payload: Self.payload(act, form: form, caseID: caseID), correlationID: caseID,
                              subject: ["case_id": .string(caseID)], effect: Self.caseEffect, person: person, address: address)
    }

    /// Checks `payload` of `type` with the router's rules, publishes it as the person's
    /// department with `x-wage-actor`, waits for the verdict (the receiver's effect is
    /// `effect`, a query on the message id `$1`), and audits it with `subject`.
    /// `projects` gives the sector of a project the message names (as the ledger has it).
    func dispatch(type: String, payload: Result<JSONValue, RejectionReason>, correlationID: String?,
                  subject: [String: JSONValue], effect: String, person: Person, address: String,
                  projects: @Sendable (String) -> Sector? = { _ in nil }) async -> Verdict {
        let department = person.department
        let login = person.member.login
        let messageID = "console-" + UUID().uuidString.lowercased()
        func audit(_ verdict: Verdict, reason: String?) async -> Verdict {
            var detail = subject
            detail["type"] = .string(type)
            detail["verdict"] = .string(verdict.kind)
            if let reason { detail["reason"] = .string(reason) }
            await staff.audit("act", outcome: verdict.kind == "refused" ? "refused" : "ok", login: login,
                              department: department, address: address, subject: messageID, detail: .object(detail))
            return verdict
        }
        let body: JSONValue
        switch payload {
        case .failure(let reason):
            return await audit(Verdict(kind: "refused", text: "未发送：" + Labels.reason(reason.code)), reason: reason.code)
        case .success(let b): body = b
        }
        do {
            // The router's own check, with the duty list in force, before anything is sent.
            let dutyList = try await connections.database(as: department) { db in try DutyListStore.inForce(db: db) }
            if let dutyList {
                if case .reject(let reason) = route(type: type, sender: department.rawValue, body: body, dutyList: dutyList,
                                                    actorIsValid: isValidActor(login), projects: projects) {
                    return await audit(Verdict(kind: "refused", text: "未发送：" + Labels.reason(reason.code)), reason: reason.code)
                }
            }
            let message = OutgoingMessage.wage(from: department, messageID: messageID, type: type,
                                               body: Array(body.serialized.utf8), correlationID: correlationID,
                                               headers: [actorHeader: .string(login)])
            try await connections.publish(message, as: department)
            let verdict = try await awaitVerdict(messageID, as: department, effect: effect)
            return await audit(verdict.0, reason: verdict.1)
        } catch {
            ConsoleLog.logger.error("act \(type) by \(login) failed: \(error)")
            return await audit(Verdict(kind: "refused", text: "发送失败：\(error)"), reason: nil)
        }
    }

    /// Polls `wage.routing_log` / `wage.rejections` (router), then the receivers'
    /// refusals and the timeline (the message's effect).
    func awaitVerdict(_ id: String, as department: Principal, effect: String) async throws -> (Verdict, String?) {
        let deadline = Date().addingTimeInterval(settings.decisionWait)
        var routed = false
        while Date() < deadline, !routed {
            let state: (Bool, String?) = try await connections.database(as: department) { db in
                if try db.query("SELECT 1 FROM wage.routing_log WHERE message_id = $1", [id]).first != nil { return (true, nil) }
                let reason = try db.query(
                    "SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'router'", [id])
                    .first?.string("reason")
                return (false, reason)
            }
            if let reason = state.1 { return (Verdict(kind: "refused", text: "路由拒绝：" + Labels.reason(reason)), reason) }
            routed = state.0
            if !routed { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard routed else { return (Verdict(kind: "pending", text: "已发送，尚未收到路由结果（路由服务是否在运行？）"), nil) }
        let follow = Date().addingTimeInterval(settings.followWait)
        while Date() < follow {
            let state: (Bool, String?) = try await connections.database(as: department) { db in
                if let reason = try db.query(
                    "SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by <> 'router' LIMIT 1", [id])
                    .first?.string("reason") { return (false, reason) }
                let applied = try db.query(effect, [id]).first != nil
                return (applied, nil)
            }
            if let reason = state.1 { return (Verdict(kind: "refused", text: "被拒绝：" + Labels.reason(reason)), reason) }
            if state.0 { return (Verdict(kind: "accepted", text: "已受理并处理。"), nil) }
            try await Task.sleep(for: .milliseconds(100))
        }
        return (Verdict(kind: "pending", text: "已转交承办部门，处理结果稍后可见。"), nil)
    }
}
