/// A property a fuzz target checks did not hold for an input: what went wrong, in words a
/// regression test can print and a crash log keeps.
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
    /// What did not hold, with the values that show it.
    public var description: String

    /// A failure described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
