/// A search pattern that is not a POSIX extended regular expression.
public struct GrepPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as given.
    public var pattern: String
    /// What is wrong with it, in the regex library's words.
    public var reason: String

    /// Creates an error for one pattern.
    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    public var description: String {
        "invalid pattern '\(pattern)': \(reason) (patterns are POSIX extended regular expressions, as in grep -E; "
            + "escape a literal ( [ { . * + ? | ^ $ \\ with a backslash)"
    }
}
