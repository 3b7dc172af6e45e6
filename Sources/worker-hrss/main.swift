import Departments
import Runtime

await WorkerMain.run(principal: .hrss, lanes: Workers.lanes(for: .hrss)) { Workers.hrss() }
