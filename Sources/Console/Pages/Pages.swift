import HTTPTypes
import Hummingbird

/// HTML responses.
enum Pages {
    static func html(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok,
                     extraHeaders: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers[.init("Content-Security-Policy")!] = "default-src 'self'; form-action 'self'; frame-ancestors 'none'"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers.append(contentsOf: extraHeaders)
        return Response(status: status, headers: headers,
                         body: .init(byteBuffer: ByteBuffer(string: Templates.render(template, context))))
    }

    static func message(status: HTTPResponse.Status, heading: String, text: String, person: Person?) -> Response {
        var context: [String: Any] = ["title": heading, "heading": heading, "text": text]
        if let person { context["person"] = person.context }
        return html("message", context, status: status)
    }
}
