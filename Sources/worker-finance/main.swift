import Departments
import Runtime

await WorkerMain.run(principal: .finance) { Workers.finance() }
