import Console

/// The staff console: `wage-console [--port N]`, configured from the stack environment.
try await ConsoleMain.run(arguments: CommandLine.arguments)
