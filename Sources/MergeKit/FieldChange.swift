import NoteKit

/// One front-matter key that differs between two versions of an entry, said in words:
/// `energy 3 -> 2`, `tags +travel -deadline`, `sleep_q = 4`, `sick removed (was true)`.
public struct FieldChange: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value before, as written in YAML (`[a, b]`, `"23:30"`); nil when the key was absent
    /// or empty (a template's blank line records nothing, so it reads as "not recorded").
    public var old: String?
    /// The value after; nil when the key is absent or empty.
    public var new: String?
    /// List items present only after (for list values; empty otherwise).
    public var added: [String]
    /// List items present only before.
    public var removed: [String]

    /// Compares one key's two values; nil when they mean the same: both absent or empty, or only
    /// spelled differently (`3` and `'3'`, a flow list and the same block list).
    static func between(key: String, _ old: YAMLValue?, _ new: YAMLValue?) -> FieldChange? {
        let oldItems = old.map(items) ?? []
        let newItems = new.map(items) ?? []
        let isList = old?.list != nil || new?.list != nil
        if isList ? oldItems == newItems : old.flatMap(meaning) == new.flatMap(meaning) { return nil }
        return FieldChange(key: key, old: old.flatMap(recorded), new: new.flatMap(recorded),
                           added: isList ? newItems.filter { !oldItems.contains($0) } : [],
                           removed: isList ? oldItems.filter { !newItems.contains($0) } : [])
    }

    /// What a scalar says regardless of quoting; maps compare as written.
    private static func meaning(_ value: YAMLValue) -> String? {
        if let scalar = value.scalar { return scalar.string }
        return recorded(value)
    }

    /// The value as YAML text, nil when it records nothing.
    private static func recorded(_ value: YAMLValue) -> String? {
        if value.isNull { return nil }
        if let items = value.list, items.isEmpty { return nil }
        return YAMLWriter.render(value)
    }

    private static func items(_ value: YAMLValue) -> [String] {
        (value.list ?? (value.isNull ? [] : [value])).map { $0.string ?? YAMLWriter.render($0) }
    }

    /// The change in words.
    public var words: String {
        if !added.isEmpty || !removed.isEmpty {
            return ([key] + added.map { "+\($0)" } + removed.map { "-\($0)" }).joined(separator: " ")
        }
        switch (old, new) {
        case (nil, let new?): return "\(key) = \(new)"
        case (let old?, nil): return "\(key) removed (was \(old))"
        case (let old?, let new?): return "\(key) \(old) -> \(new)"
        case (nil, nil): return "\(key) changed"
        }
    }
}
