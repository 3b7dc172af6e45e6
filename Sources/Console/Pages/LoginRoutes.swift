import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt

/// `/login` and `/logout`.
struct LoginRoutes: Sendable {
    let gate: Gate
    let throttle: LoginThrottle
    /// The login form's CSRF token is bound to a short-lived pre-session cookie.
    static let preCookie = "wage_login"

    func register(_ router: Router<ConsoleContext>) {
        router.get("/login") { request, _ in self.form(error: nil) }
        router.post("/login") { request, context in try await self.login(request, context) }
        router.post("/logout") { request, context in try await self.logout(request, context) }
    }

    func form(error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let token = SessionStore.randomToken()
        let cookie = "\(Self.preCookie)=\(token); Path=/login; Max-Age=600; HttpOnly; SameSite=Strict"
            + (gate.settings.secureCookies ? "; Secure" : "")
        var context: [String: Any] = ["title": "登录", "login_csrf": token]
        if let error { context["error"] = error }
        return Pages.html("login", context, status: status, extraHeaders: [.setCookie: cookie])
    }

    func login(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let form = try await Form.read(request)
        let address = context.address
        guard let token = form["csrf"], let expected = request.cookies[Self.preCookie]?.value,
              SessionStore.constantTimeEqual(token, expected) else {
            await gate.staff.audit("csrf_refused", outcome: "refused", login: form["login"], department: nil, address: address,
                                   subject: "/login")
            return self.form(error: "表单已过期，请重新登录。", status: .forbidden)
        }
        let login = form["login"] ?? ""
        guard await throttle.allows(login: login, address: address) else {
            ConsoleLog.logger.warning("login throttled: \(login) from \(address)")
            await gate.staff.audit("login_throttled", outcome: "refused", login: login, department: nil, address: address)
            return self.form(error: "登录失败次数过多，请稍后再试。", status: .tooManyRequests)
        }
        let password = form.values["password"] ?? ""
        let member = try await gate.staff.member(login)
        // A missing account costs a bcrypt check too, so timing does not tell which logins exist.
        let ok = Bcrypt.verify(password, hash: member?.passwordHash ?? Self.dummyHash)
        guard let member, ok, !member.disabled else {
            await throttle.recordFailure(login: login, address: address)
            await gate.staff.audit("login_failed", outcome: "refused", login: login, department: member?.department,
                                   address: address, detail: ["disabled": .bool(member?.disabled ?? false)])
            return self.form(error: member?.disabled == true && ok ? "账号已停用。" : "账号或密码错误。", status: .unauthorized)
        }
        await throttle.recordSuccess(login: login)
        let started = try await gate.sessions.start(login: member.login)
        await gate.staff.audit("login", outcome: "ok", login: member.login, department: member.department, address: address)
        var headers: HTTPFields = [.location: "/cases"]
        headers[.setCookie] = gate.cookieHeader(value: started.cookie, maxAge: Int(gate.settings.sessionLifetime))
        return Response(status: .seeOther, headers: headers)
    }

    func logout(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let form = try await Form.read(request)
        switch try await gate.check(request, context, form: form) {
        case .response(let response): return response
        case .person(let person):
            try await gate.sessions.end(person.sessionID)
            await gate.staff.audit("logout", outcome: "ok", login: person.member.login, department: person.department,
                                   address: context.address)
            return gate.toLogin(clearCookie: true)
        }
    }

    /// A bcrypt hash of a random text, checked when the login does not exist.
    static let dummyHash = Bcrypt.hash(SessionStore.randomToken(), cost: 12)
}
