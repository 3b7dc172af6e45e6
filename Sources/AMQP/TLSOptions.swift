/// TLS settings of an `amqps` connection (librabbitmq's SSL socket over OpenSSL),
/// named as the query parameters of RabbitMQ's URI spec.
public struct TLSOptions: Sendable, Hashable {
    /// PEM file of the certificate authorities to trust (`cacertfile`); without it
    /// the system's default store is used.
    public var caCertificateFile: String?
    /// Client certificate and key, PEM (`certfile`, `keyfile`), for brokers that ask for one.
    public var certificateFile: String?
    public var keyFile: String?
    /// Verify the broker's certificate chain and that it names the host connected
    /// to (`verify=verify_peer`, the default); `verify_none` turns both off (tests
    /// only). librabbitmq 0.11 checks the name against the host of the URL, so the
    /// URL must name the broker as its certificate does.
    public var verifyPeer: Bool

    public init(caCertificateFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil,
                verifyPeer: Bool = true) {
        self.caCertificateFile = caCertificateFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.verifyPeer = verifyPeer
    }

    /// A query parameter that is not valid.
    struct InvalidParameter: Error {
        let reason: String
    }

    /// Reads the TLS query parameters (others are ignored).
    init(query: [String: String]) throws(InvalidParameter) {
        self.init(caCertificateFile: query["cacertfile"], certificateFile: query["certfile"], keyFile: query["keyfile"])
        switch query["verify"] {
        case nil, "verify_peer": verifyPeer = true
        case "verify_none": verifyPeer = false
        case let other?: throw InvalidParameter(reason: "verify must be verify_peer or verify_none, not \(other)")
        }
        guard (certificateFile == nil) == (keyFile == nil) else {
            throw InvalidParameter(reason: "certfile and keyfile go together")
        }
    }
}
