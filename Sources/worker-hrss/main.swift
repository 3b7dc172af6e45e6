import Departments
import Runtime

await WorkerMain.run(principal: .hrss) { Workers.hrss() }
