import Departments
import Foundation
import Runtime
import Messages
import Workflow

// One executable for every sector regulator: `worker-housing` runs as housing;
// `worker-housing --as transport` (or WAGE_PRINCIPAL=transport) as another one.
let arguments = CommandLine.arguments
let chosen = arguments.firstIndex(of: "--as").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    ?? ProcessInfo.processInfo.environment["WAGE_PRINCIPAL"] ?? "housing"
guard let principal = Principal(rawValue: chosen), Principal.sectorRegulators.contains(principal) else {
    FileHandle.standardError.write(Data("worker-housing: --as must be one of housing, transport, water, agriculture, market (got \(chosen))\n".utf8))
    exit(2)
}
await WorkerMain.run(principal: principal) { Workers.sector(principal) }
