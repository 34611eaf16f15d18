import NoteKit

/// Errors from journal operations, each saying what to do next.
public enum JournalError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A value does not fit its key's type in journal.md.
    case invalidValue(key: String, value: String, reason: String)
    /// A `key=value` argument without `=`.
    case malformedAssignment(String)
    /// Text that cannot go into an entry as given.
    case invalidText(String)

    public var description: String {
        switch self {
        case .invalidValue(let key, let value, let reason):
            return "\(key)=\(value): \(key) \(reason)"
        case .malformedAssignment(let text):
            return "'\(text)' is not key=value (example: energy=3)"
        case .invalidText(let reason):
            return reason
        }
    }
}
