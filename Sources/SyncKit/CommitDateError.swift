/// `GIT_COMMITTER_DATE` or `GIT_AUTHOR_DATE` holds something that is not a date.
public struct CommitDateError: Error, Sendable, CustomStringConvertible {
    /// The variable.
    public var variable: String
    /// Its value.
    public var value: String

    public var description: String {
        "\(variable)=\(value) is not a date hearth can use; give 2026-11-20T14:30:00+01:00 or @1700000000 +0100, or unset it"
    }
}
