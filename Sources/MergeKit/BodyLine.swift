/// One body line an entry gained or lost, in the order a diff shows them.
public struct BodyLine: Sendable, Hashable {
    /// True for a line added, false for a line removed.
    public var added: Bool
    /// The line without its terminator.
    public var text: String
}
