import NoteKit

/// Errors from journal operations, each saying what to do next.
public enum JournalError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A value does not fit its key's type in journal.md.
    case invalidValue(key: String, value: String, reason: String)
    /// A `key=value` argument without `=`.
    case malformedAssignment(String)
    /// Text that cannot go into an entry as given.
    case invalidText(String)
    /// A key that cannot be written as a plain YAML key (a space, a `:`, a word YAML reads as
    /// something else); `reason` names the character or word.
    case invalidKey(key: String, reason: String)
    /// A key the entry does not have that differs from one its kind or the entry knows only by
    /// case or a small typo (`Mood` for `mood`): most likely a mistake, so nothing is written.
    case nearMissKey(key: String, suggestion: String)
    /// A value that opens a list (`[work, gym`) or reads as one for a list key (`work,[gym`)
    /// but is not a list YAML can read; `listKey` says whether the kind's schema makes the key a
    /// list, so items without brackets (`a,b`) would have been one.
    case invalidList(key: String, value: String, reason: String, listKey: Bool)
    /// A fenced code block opened at `line` of the entry at `path` is never closed, so a line
    /// appended after it would be code, not an item.
    case unclosedCodeFence(path: String, line: Int)

    public var description: String {
        switch self {
        case .invalidValue(let key, let value, let reason):
            return "\(key)=\(value): \(key) \(reason)"
        case .malformedAssignment(let text):
            return "'\(text)' is not key=value (example: energy=3)"
        case .invalidText(let reason):
            return reason
        case .invalidKey(let key, let reason):
            return "'\(key)' cannot be a key: \(reason)"
        case .nearMissKey(let key, let suggestion):
            return "unknown key '\(key)'; did you mean \(suggestion)?"
        case .invalidList(let key, let value, let reason, _):
            return "\(key)=\(value): \(reason)"
        case .unclosedCodeFence(let path, let line):
            return "\(path):\(line): a code fence opened here is never closed, so a line added after it would be "
                + "code, not an item; close the fence (a line of ``` or ~~~), then add the line again"
        }
    }
}
