/// A fixture that could not be built (a git command failed).
public struct FixtureError: Error, CustomStringConvertible {
    /// What failed.
    public let message: String

    /// The message, as an error prints.
    public var description: String { message }
}
