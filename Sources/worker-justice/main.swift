import Departments
import Runtime

await WorkerMain.run(principal: .justice) { Workers.justice() }
