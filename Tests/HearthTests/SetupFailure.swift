/// A test's set-up step failed (as opposed to the behaviour under test).
struct SetupFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
