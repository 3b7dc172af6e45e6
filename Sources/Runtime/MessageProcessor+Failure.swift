import Logging
import Store
import Messages
import Workflow

extension MessageProcessor {
    /// The handler refused the message: its effects are rolled back, then the refusal is recorded.
    struct Refusal: Error { let reason: RejectionReason }

    /// Why a message was not applied this time (never a lost database).
    enum Failure: Error {
        case handler(any Error)
        case retryRequested(String)
        case transaction(PGError)

        var why: String {
            switch self {
            case .handler(let error): return "handler failed: \(error)"
            case .retryRequested(let reason): return reason
            case .transaction(let error): return "transaction failed: \(error)"
            }
        }

        /// Logs why the message was not applied; it is requeued.
        func retry(logger: Logger, message: InboundMessage) -> ProcessingResult {
            logger.warning("not applied; will retry", metadata: [
                "message_id": "\(message.messageID)", "type": "\(message.rawType)", "why": "\(why)"])
            return .retry(why)
        }
    }
}
