/// `GIT_COMMITTER_DATE` or `GIT_AUTHOR_DATE` holds something that is not a date.
public struct CommitDateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The variable.
    public var variable: String
    /// Its value.
    public var value: String

    /// The error for `variable` holding `value`.
    public init(variable: String, value: String) {
        self.variable = variable
        self.value = value
    }

    public var description: String {
        "\(variable)=\(value) is not a date hearth can use; give 2026-11-20T14:30:00+01:00 or @1700000000 +0100, or unset it"
    }
}
