/// What a history command did with the rename index, for a trace (tests, and anyone wondering
/// whether it works).
public enum RenameIndexOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The index on disk was written for HEAD and was used as it was.
    case used(commits: Int)
    /// There was no index: it was built from every commit reachable from HEAD and written.
    case built(commits: Int)
    /// The index on disk could not be trusted (damaged, another version's): it was built anew.
    case rebuilt(commits: Int)
    /// HEAD had moved on: the commits it reaches that the index lacked were added (`added`), the
    /// ones it no longer reaches dropped (`dropped`), and the index written again.
    case updated(commits: Int, added: Int, dropped: Int)
    /// The index had to be written and could not be (a read-only folder), or the history could
    /// not be read whole: the command walked the history without it.
    case unavailable

    /// `used commits=N`, `built commits=N`, `updated commits=N added=A dropped=D`, ...
    public var description: String {
        switch self {
        case .used(let commits): "used commits=\(commits)"
        case .built(let commits): "built commits=\(commits)"
        case .rebuilt(let commits): "rebuilt commits=\(commits)"
        case .updated(let commits, let added, let dropped): "updated commits=\(commits) added=\(added) dropped=\(dropped)"
        case .unavailable: "unavailable"
        }
    }
}
