/// One top-level key of a front-matter block and the lines it occupies.
public struct FrontMatterEntry: Hashable, Sendable {
    /// The key as written (unquoted).
    public let key: String
    /// The parsed value.
    public let value: YAMLValue
    /// The indexes into ``FrontMatter/lines`` that hold this key: its own line plus any
    /// continuation lines (block list items, nested maps, block scalars).
    public let lines: Range<Int>

    /// Creates an entry.
    public init(key: String, value: YAMLValue, lines: Range<Int>) {
        self.key = key
        self.value = value
        self.lines = lines
    }
}
