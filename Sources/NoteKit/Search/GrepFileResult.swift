/// What searching one file found.
public enum GrepFileResult: Sendable {
    /// The file was searched; `hits` may be empty. `invalidUTF8` says some of its bytes are not
    /// UTF-8 (shown as U+FFFD in the hits).
    case searched(hits: [GrepHit], invalidUTF8: Bool)
    /// The entry's kind or date is outside the query's.
    case filteredOut
    /// A binary file (it holds a NUL byte, git's test): never shown; `matched` says whether the
    /// pattern occurs in its bytes.
    case binary(matched: Bool)
    /// The file could not be read (or, with `--field`, its front-matter could not be parsed).
    case unreadable(Diagnostic)
}
