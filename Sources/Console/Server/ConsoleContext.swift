import Hummingbird
import NIOCore

/// The request context: the client's address (for the login rate limit and the audit).
struct ConsoleContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    var address: String { remoteAddress?.ipAddress ?? "unknown" }
}
