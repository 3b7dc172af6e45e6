import Departments
import Runtime

await WorkerMain.run(principal: .petitions) { Workers.petitions() }
