extension FrontMatter {
    /// `existing`'s lines taken apart as a block list (`tags:` then `- a` lines, as Obsidian's
    /// property editor writes them), or nil when they are not one a line-by-line rewrite can keep
    /// faithfully (the line reading must agree item for item with the parsed value).
    func blockList(_ existing: FrontMatterEntry) -> BlockListLines? {
        guard existing.lines.count > 1, let values = existing.value.list,
              let list = BlockListLines(lines: Array(lines[existing.lines])), list.items.count == values.count,
              zip(list.items, values).allSatisfy({ BlockListLines.sameText($0.value, $1) }) else { return nil }
        return list
    }

    /// The lines that write `value` in place of the block list `list`, when `value` is a non-empty
    /// list of scalars; nil when the key should be written on one line.
    ///
    /// The key line, the items' indentation and every item line whose text stays (with its
    /// quoting, trailing comment and the comment lines just above it) are kept byte for byte, so
    /// another tool's style survives hearth's edit and only the changed items differ. Items are
    /// matched by their text, so `- "2026"` stays a quoted string when the new list says `2026`.
    /// New items are written as the value gives them (a plain `2026` is a number, as in `[2026]`).
    /// The comment lines heading the list stay at its head, and those above a removed item join
    /// them: a comment is never dropped.
    func blockListLines(for value: YAMLValue, replacing list: BlockListLines) -> [String]? {
        guard case .list(let items) = value, !items.isEmpty, items.allSatisfy({ $0.scalar != nil }) else { return nil }
        let itemTerminator = FrontMatter.terminator(of: list.keyLine) ?? newline
        var used = Array(repeating: false, count: list.items.count)
        var body: [String] = []
        for item in items {
            // A line that reads as exactly this item first, so a list holding both `2026` and
            // `"2026"` keeps each where it is; then any line with the same text.
            let unused = list.items.indices.filter { !used[$0] }
            if let match = unused.first(where: { list.items[$0].value.jsonObject == item.jsonObject })
                ?? unused.first(where: { BlockListLines.sameText(list.items[$0].value, item) }) {
                used[match] = true
                body += list.items[match].lines
            } else {
                let rendered = YAMLWriter.render(item)
                body.append(list.indent + (rendered.isEmpty ? "-" : "- " + rendered) + itemTerminator)
            }
        }
        let orphaned = list.items.indices.filter { !used[$0] }.flatMap { list.items[$0].lead.filter(BlockListLines.isComment) }
        let block = [list.keyLine] + list.head + orphaned + body + list.tail
        // Lines move, so one that ended the front-matter without a terminator gets one.
        return block.map { FrontMatter.terminator(of: $0) == nil ? $0 + newline : $0 }
    }
}
