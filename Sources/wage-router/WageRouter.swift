import ArgumentParser
import Router

/// The `wage-router` process: `RouterCommand` from the Router module.
/// (An `@main` entry point: a top-level `await RouterCommand.main()` picks the
/// synchronous `ParsableCommand.main()` and the command refuses to run.)
@main
extension RouterCommand {}
