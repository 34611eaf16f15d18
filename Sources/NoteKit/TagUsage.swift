/// How often one tag is used: `hearth tags`, like jrnl's `--tags` and Obsidian's tag pane.
public struct TagUsage: Sendable, Hashable {
    /// The tag, without `#`.
    public var tag: String
    /// How many entries carry it (an entry that names it twice counts once).
    public var count: Int
    /// The latest date of an entry that carries it; nil when only undated entries do.
    public var lastUsed: LocalDate?

    /// Creates a usage record.
    public init(tag: String, count: Int, lastUsed: LocalDate?) {
        self.tag = tag
        self.count = count
        self.lastUsed = lastUsed
    }

    /// Every tag of `notes` (``Note/allTags``: `tags:` and the body's `#tags`), most used first,
    /// ties in the order of their names.
    public static func tally(_ notes: [Note]) -> [TagUsage] {
        var usages: [String: TagUsage] = [:]
        for note in notes {
            let date = note.date
            for tag in note.allTags {
                var usage = usages[tag] ?? TagUsage(tag: tag, count: 0, lastUsed: nil)
                usage.count += 1
                if let date, usage.lastUsed.map({ $0 < date }) ?? true { usage.lastUsed = date }
                usages[tag] = usage
            }
        }
        return usages.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.tag < $1.tag }
    }
}
