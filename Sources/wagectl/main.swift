import WageCtlKit

WageCtl.execute()
