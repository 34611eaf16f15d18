extension FrontMatter {
    /// The lines that write `value` in place of `existing` as a block list, when `existing` is a
    /// block list (`tags:` then `- a` lines, as Obsidian's property editor writes them) and
    /// `value` is a non-empty list of scalars; nil when the key should be written on one line.
    ///
    /// The key line, the items' indentation and every item line whose value stays (with its
    /// quoting, trailing comment and the comment lines just above it) are kept byte for byte, so
    /// another tool's style survives hearth's edit and only the changed items differ.
    func blockListLines(for value: YAMLValue, replacing existing: FrontMatterEntry) -> [String]? {
        guard existing.lines.count > 1, case .list(let oldValues) = existing.value, oldValues.allSatisfy({ $0.scalar != nil }),
              case .list(let items) = value, !items.isEmpty, items.allSatisfy({ $0.scalar != nil }) else { return nil }
        let keyLine = lines[existing.lines.lowerBound]
        // `tags: [a]` followed by indented lines is not a block list; only an empty key line is.
        guard let (_, rest) = FrontMatterScanner.splitKey(FrontMatterScanner.content(of: keyLine)),
              FrontMatterScanner.stripComment(rest).isEmpty else { return nil }

        // Each old item with the comment and blank lines above it, and what follows the last item.
        var oldItems: [(value: YAMLValue?, lines: [String])] = []
        var pending: [String] = []
        var indent: Substring?
        for raw in lines[(existing.lines.lowerBound + 1)..<existing.lines.upperBound] {
            let line = FrontMatterScanner.content(of: raw)
            let spaces = line.prefix { $0 == " " }
            let text = line.dropFirst(spaces.count)
            guard text.hasPrefix("-") else {
                // Only comments and blank lines may sit between items; anything else is YAML
                // this rewrite does not understand, so the key is written on one line instead.
                guard FrontMatterScanner.isBlank(text) || text.hasPrefix("#") else { return nil }
                pending.append(raw)
                continue
            }
            if let second = text.dropFirst().first, second != " " && second != "\t" { return nil }
            if indent == nil { indent = spaces }
            let itemText = FrontMatterScanner.stripComment(FrontMatterScanner.trimmed(text.dropFirst()))
            oldItems.append((FrontMatterScanner.inlineValue(itemText), pending + [raw]))
            pending = []
        }
        guard let indent else { return nil }
        let itemTerminator = FrontMatter.terminator(of: keyLine) ?? newline

        var used = Array(repeating: false, count: oldItems.count)
        var block = [keyLine]
        for item in items {
            // An unchanged item keeps its own line (`- "2026"` stays quoted as Obsidian wrote it).
            if let match = oldItems.indices.first(where: { !used[$0] && oldItems[$0].value?.jsonObject == item.jsonObject }) {
                used[match] = true
                block += oldItems[match].lines
            } else {
                let rendered = YAMLWriter.render(item)
                block.append(String(indent) + (rendered.isEmpty ? "-" : "- " + rendered) + itemTerminator)
            }
        }
        block += pending
        // Lines move, so one that ended the front-matter without a terminator gets one.
        return block.map { FrontMatter.terminator(of: $0) == nil ? $0 + newline : $0 }
    }
}
