import Logging
import ServiceLifecycle

/// A swift-service-lifecycle `Service` whose work runs on dedicated threads
/// (blocking C libraries): `run()` starts them and, on graceful shutdown, sets
/// the stop flag and waits until every thread has returned (also when the task is
/// cancelled).
public protocol ThreadedService: Service {
    var logger: Logger { get }
    /// Starts the threads on `threads`; they run until `stop` is set. Tests use
    /// this to run the service in-process.
    func start(stop: StopFlag, threads: ThreadGroup) throws
}

extension ThreadedService {
    public func run() async throws {
        let stop = StopFlag()
        let threads = ThreadGroup()
        try start(stop: stop, threads: threads)
        // Cancellation too: when another service of the group fails (a health port
        // already taken), the group cancels instead of shutting down gracefully.
        await withTaskCancellationOrGracefulShutdownHandler {
            await threads.wait()
        } onCancelOrGracefulShutdown: { [logger] in
            logger.info("graceful shutdown requested")
            stop.set()
        }
    }
}
