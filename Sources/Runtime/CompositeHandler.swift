import Store
import Messages
import Workflow

/// One concern of a worker (e.g. the office's case workflow, its referral
/// tracking): the message types it handles and how.
public protocol HandlerPart: AnyObject {
    /// The types this part handles; each type belongs to one part of a worker.
    var types: Set<MessageType> { get }
    /// Applies one message of `types` inside the message's transaction.
    func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition
    /// Periodic work on the consumer thread (default: nothing).
    func periodic(context: HandlerContext) throws
}

extension HandlerPart {
    public func periodic(context: HandlerContext) throws {}
}

/// A worker's handler made of parts: dispatches each message to the part that
/// owns its type; a type no part owns is refused `unknown_type` (it reached the
/// queue, so the duty list and the worker disagree: it is recorded, not dropped).
public final class CompositeHandler: MessageHandler {
    public let principal: Principal
    public let periodicInterval: Double?
    let parts: [any HandlerPart]
    let byType: [MessageType: any HandlerPart]

    public init(principal: Principal, parts: [any HandlerPart], periodicInterval: Double? = nil) {
        self.principal = principal
        self.parts = parts
        self.periodicInterval = periodicInterval
        var map: [MessageType: any HandlerPart] = [:]
        for part in parts {
            for type in part.types {
                precondition(map[type] == nil, "two parts of worker \(principal.rawValue) handle \(type.rawValue)")
                map[type] = part
            }
        }
        self.byType = map
    }

    /// The message types this worker handles.
    public var handledTypes: Set<MessageType> { Set(byType.keys) }

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        guard let type = message.type, let part = byType[type] else { return .reject(.unknownType) }
        return try part.handle(message, context: context)
    }

    /// Runs each part's periodic work in its own savepoint: a part that fails is
    /// rolled back and logged, and the other parts' work still commits.
    public func periodic(context: HandlerContext) throws {
        for part in parts {
            try context.db.execute("SAVEPOINT periodic_part")
            do {
                try part.periodic(context: context)
                try context.db.execute("RELEASE SAVEPOINT periodic_part")
            } catch let error as PGError where error.meansDatabaseUnavailable {
                throw error
            } catch {
                try context.db.execute("ROLLBACK TO SAVEPOINT periodic_part")
                context.logger.warning("periodic work of a part failed; the others go on", metadata: [
                    "part": "\(type(of: part))", "error": "\(error)"])
            }
        }
    }
}
