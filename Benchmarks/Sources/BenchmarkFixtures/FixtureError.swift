/// A fixture that could not be built (a git command failed).
public struct FixtureError: Error, CustomStringConvertible {
    /// What failed.
    public let message: String

    public var description: String { message }
}
