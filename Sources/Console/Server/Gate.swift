import Foundation
import HTTPTypes
import Hummingbird
import Messages

/// The logged-in person of a request.
struct Person: Sendable {
    let member: StaffMember
    let sessionID: String
    let csrfToken: String
    var department: Principal { member.department }

    /// The header partial's context.
    var context: [String: Any] {
        ["login": member.login, "display_name": member.displayName, "csrf": csrfToken,
         "department_name": Labels.department(member.department.rawValue), "may_report": ReportAccess.allows(member)]
    }
}

/// Checks every request: the session cookie (forged → refused and audited), the
/// account (disabled → logged out at once, checked on every request), and on a
/// form the CSRF token (missing or wrong → 403, audited).
struct Gate: Sendable {
    let sessions: SessionStore
    let staff: StaffDirectory
    let settings: ConsoleSettings
    static let cookieName = "wage_session"

    enum Outcome: Sendable {
        case person(Person)
        case response(Response)
    }

    func check(_ request: Request, _ context: ConsoleContext, form: Form? = nil) async throws -> Outcome {
        guard let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty else { return .response(toLogin()) }
        switch try await sessions.lookup(cookie) {
        case .forged:
            ConsoleLog.logger.warning("forged session cookie from \(context.address)")
            await staff.audit("forged_cookie", outcome: "refused", login: nil, department: nil, address: context.address,
                              subject: request.uri.path)
            return .response(toLogin(clearCookie: true))
        case .ended:
            return .response(toLogin(clearCookie: true))
        case .valid(let id, let session):
            guard let member = try await staff.member(session.login), !member.disabled else {
                try await sessions.endAll(of: session.login)
                await staff.audit("disabled_refused", outcome: "refused", login: session.login, department: nil,
                                  address: context.address, subject: request.uri.path)
                return .response(toLogin(clearCookie: true))
            }
            let person = Person(member: member, sessionID: id, csrfToken: session.csrfToken)
            if let form {
                guard let token = form["csrf"], SessionStore.constantTimeEqual(token, session.csrfToken) else {
                    ConsoleLog.logger.warning("CSRF token missing or wrong: \(member.login) \(request.uri.path)")
                    await staff.audit("csrf_refused", outcome: "refused", login: member.login, department: member.department,
                                      address: context.address, subject: request.uri.path)
                    return .response(Pages.message(status: .forbidden, heading: "请求被拒绝",
                                                   text: "表单校验失败（CSRF），请刷新页面后重试。", person: person))
                }
            }
            return .person(person)
        }
    }

    func toLogin(clearCookie: Bool = false) -> Response {
        var headers: HTTPFields = [.location: "/login"]
        if clearCookie { headers[.setCookie] = cookieHeader(value: "", maxAge: 0) }
        return Response(status: .seeOther, headers: headers)
    }

    /// `Set-Cookie` for the session: HttpOnly, SameSite=Strict, Secure under TLS, expiring.
    func cookieHeader(value: String, maxAge: Int) -> String {
        "\(Self.cookieName)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (settings.secureCookies ? "; Secure" : "")
    }
}
