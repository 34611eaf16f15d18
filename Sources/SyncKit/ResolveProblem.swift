/// Why a conflict cannot be settled as asked; nothing was written.
public enum ResolveProblem: Sendable, Equatable, CustomStringConvertible {
    /// No open conflict has this id or entry (some are open).
    case unknownConflict
    /// Both sides were asked for, but a field holds one value: keep `first`'s or `second`'s
    /// (device names), or edit it.
    case bothForField(first: String, second: String)
    /// The conflicting field `field` is inside a map, which only an edit can settle.
    case fieldInMap(field: String)
    /// The recorded value of `field` does not read as YAML, so only an edit can settle it.
    case unreadableValue(field: String)
    /// After an edit, line `line` of `path` still has a conflict marker.
    case markersLeft(path: String, line: Int)

    public var description: String {
        switch self {
        case .unknownConflict: return "no open conflict has this id or entry"
        case .bothForField: return "a field holds one value"
        case .fieldInMap(let field): return "'\(field)' is inside a map"
        case .unreadableValue(let field): return "the recorded value of \(field) does not read as YAML"
        case .markersLeft(let path, let line): return "\(path):\(line) still has a hearth:conflict marker"
        }
    }
}
