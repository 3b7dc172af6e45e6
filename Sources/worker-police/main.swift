import Departments
import Runtime

await WorkerMain.run(principal: .police) { Workers.police() }
