/// A rejection is also an `Error`, so typed decoders can throw it
/// (`throws(RejectionReason)`) and event functions can return it in a `Result`.
extension RejectionReason: Error {}
