import WageCtlKit

await WageCtl.main()
