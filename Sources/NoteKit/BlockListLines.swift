/// A block list's raw lines taken apart (`tags:`, then comment, blank and `- item` lines), the one
/// place that reads a block list line by line for rewriting it: ``FrontMatter/set(_:to:)`` and
/// SyncKit's front-matter merge both edit a list through it, so they agree on what an item is.
///
/// Putting ``lines`` back together gives the input byte for byte.
public struct BlockListLines: Sendable {
    /// One `- item` line and the comment and blank lines just above it (below the previous item).
    public struct Item: Sendable {
        /// The comment and blank lines between the previous item and this one.
        public var lead: [String]
        /// The `- item` line, with its trailing comment and terminator.
        public var line: String
        /// The item's value as written (`"2026"` is the double-quoted string 2026).
        public var value: YAMLValue

        /// The lead lines and the item line.
        public var lines: [String] { lead + [line] }
    }

    /// The key line (`tags:`, perhaps with a trailing comment).
    public var keyLine: String
    /// Comment and blank lines between the key line and the first item: the list's heading.
    public var head: [String]
    /// The items in file order.
    public var items: [Item]
    /// Comment and blank lines after the last item.
    public var tail: [String]
    /// The items' indentation (spaces; empty for a list at column 0).
    public var indent: String

    /// Takes apart one key's lines (the key line first, as ``FrontMatterEntry/lines`` gives them).
    ///
    /// Nil unless they are a block list of scalars this type can rewrite faithfully: an empty value
    /// on the key line, at least one item, every item at the same indentation and a one-line scalar,
    /// and nothing but comments and blank lines between items.
    public init?(lines: [String]) {
        guard let keyLine = lines.first,
              let (_, rest) = FrontMatterScanner.splitKey(FrontMatterScanner.content(of: keyLine)),
              FrontMatterScanner.stripComment(rest).isEmpty else { return nil }
        var items: [Item] = []
        var head: [String] = []
        var pending: [String] = []
        var indent: Substring?
        for raw in lines.dropFirst() {
            let line = FrontMatterScanner.content(of: raw)
            let spaces = line.prefix { $0 == " " }
            let text = line.dropFirst(spaces.count)
            guard text.hasPrefix("-") else {
                // Anything but a comment or a blank line is YAML (a multi-line scalar, a nested
                // map) that a line-by-line rewrite would break.
                guard FrontMatterScanner.isBlank(text) || text.hasPrefix("#") else { return nil }
                pending.append(raw)
                continue
            }
            // `-x` is a plain scalar continuing the previous line, not an item.
            if let second = text.dropFirst().first, second != " " && second != "\t" { return nil }
            if let indent, indent != spaces { return nil }
            indent = spaces
            let itemText = FrontMatterScanner.stripComment(FrontMatterScanner.trimmed(text.dropFirst()))
            guard let value = FrontMatterScanner.inlineValue(itemText), value.scalar != nil else { return nil }
            if items.isEmpty {
                head = pending
                items.append(Item(lead: [], line: raw, value: value))
            } else {
                items.append(Item(lead: pending, line: raw, value: value))
            }
            pending = []
        }
        guard let indent else { return nil }
        self.keyLine = keyLine
        self.head = head
        self.items = items
        self.tail = pending
        self.indent = String(indent)
    }

    /// All the lines, in order.
    public var lines: [String] {
        [keyLine] + head + items.flatMap(\.lines) + tail
    }

    /// The full-line comments anywhere in the list (heading, between items, after the last), which
    /// an edit must never drop.
    public var commentLines: [String] {
        (head + items.flatMap(\.lead) + tail).filter(BlockListLines.isComment)
    }

    /// Whether a raw line is a full-line comment (`  # keep sorted`).
    static func isComment(_ line: String) -> Bool {
        FrontMatterScanner.trimmed(FrontMatterScanner.content(of: line)).hasPrefix("#")
    }

    /// `item` without its lead lines, its line moved to this list's indentation.
    public func adopting(_ item: Item, from other: BlockListLines) -> Item {
        Item(lead: [], line: indent + item.line.dropFirst(other.indent.count), value: item.value)
    }

    /// Whether two items say the same text, whatever their quoting: `2026`, `"2026"` and `'2026'`
    /// are one item, as they are one value to a reader of the list (and to `hearth log`'s field
    /// changes); null items (`-`, `- ~`) are one item too.
    public static func sameText(_ first: YAMLValue, _ second: YAMLValue) -> Bool {
        guard let a = first.scalar, let b = second.scalar else { return first == second }
        if a.isNull || b.isNull { return a.isNull == b.isNull }
        return a.text == b.text
    }
}
