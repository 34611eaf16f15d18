import NoteKit

/// The per-key merge of three front-matter blocks into raw lines.
///
/// A key whose lines no side changed keeps the base's bytes; a key only one side changed (or
/// both the same way) keeps that side's bytes, comments and quoting included. Only a value the
/// merge itself produced (a merged list or map) is written anew. The comment and blank lines
/// above a key merge apart from its value, and the comments a side added to a key whose lines
/// the other side's win are put back (``KeyComments``), so no comment is dropped.
struct FrontMatterMerger {
    /// The merged file's path, for conflict records.
    var path: String
    /// The first side.
    var firstSide: MergeSide
    /// The second side.
    var secondSide: MergeSide

    /// The merged front-matter lines and the field conflicts, in key order.
    func merge(base: FrontMatter?, first: FrontMatter?, second: FrontMatter?) -> (lines: [String], conflicts: [MergeConflict]) {
        let (baseBlocks, baseTail) = KeyBlock.blocks(of: base)
        let (firstBlocks, firstTail) = KeyBlock.blocks(of: first)
        let (secondBlocks, secondTail) = KeyBlock.blocks(of: second)
        var keys: [String] = []
        for block in baseBlocks + firstBlocks + secondBlocks where !keys.contains(block.key) { keys.append(block.key) }

        var fields = FieldMerger(path: path, firstSide: firstSide, secondSide: secondSide)
        let newline = (first ?? second)?.newline ?? "\n"
        var lines: [String] = []
        for key in keys {
            let baseBlock = baseBlocks.first { $0.key == key }
            let firstBlock = firstBlocks.first { $0.key == key }
            let secondBlock = secondBlocks.first { $0.key == key }
            // The comment and blank lines above the key merge on their own, so a comment one side
            // wrote above a key the other side changed stays above it.
            let trivia = FrontMatterMerger.mergeLines(base: baseBlock?.trivia ?? [], first: firstBlock?.trivia ?? [],
                                                      second: secondBlock?.trivia ?? [])
            let (baseEntry, firstEntry, secondEntry) = (baseBlock?.entry, firstBlock?.entry, secondBlock?.entry)
            // Byte-level first: a side that did not touch the key's lines leaves the other's bytes.
            if firstEntry == baseEntry || firstEntry == secondEntry {
                lines += trivia + (secondEntry ?? [])
                continue
            }
            if secondEntry == baseEntry {
                lines += trivia + (firstEntry ?? [])
                continue
            }
            var entry: [String] = []
            if let value = fields.merge(base: baseBlock?.value, first: firstBlock?.value,
                                        second: secondBlock?.value, field: key) {
                // Prefer a side's own bytes whenever the merged value is exactly what it wrote.
                if let secondBlock, FieldMerger.same(value, secondBlock.value) {
                    entry = secondBlock.entry
                } else if let firstBlock, FieldMerger.same(value, firstBlock.value) {
                    entry = firstBlock.entry
                } else if let baseBlock, FieldMerger.same(value, baseBlock.value) {
                    entry = baseBlock.entry
                } else if let style = firstBlock ?? secondBlock {
                    let donors = [firstBlock == nil ? nil : secondBlock, baseBlock].compactMap { $0 }
                    entry = FrontMatterMerger.render(value, like: style, reusingItemsOf: donors)
                }
            }
            // The lines chosen are one side's (or new): the comments the other side wrote join them.
            let comments = KeyComments(base: baseBlock, first: firstBlock, second: secondBlock, newline: newline)
            let kept = comments.keep(in: entry, besides: trivia)
            lines += trivia + kept.above + kept.entry
        }
        // Comments after the last key merge like the lines above a key.
        lines += FrontMatterMerger.mergeLines(base: baseTail, first: firstTail, second: secondTail)
        return (lines, fields.conflicts)
    }

    /// Comment and blank lines merged as an ordered sequence: what either side added stays where
    /// it put it, what either removed goes.
    private static func mergeLines(base: [String], first: [String], second: [String]) -> [String] {
        OrderedMerge.merge(base: base, first: first, second: second) { $0 }
    }

    /// A merged value written in the style of `style`'s entry lines (its trivia apart): a block
    /// list or map stays block (a block list's unchanged items keep their lines), anything else
    /// becomes one flow line that keeps the key's spelling and trailing comment.
    ///
    /// Items of a merged block list that came from `donors` (the other side, the base) keep the
    /// lines those wrote, re-indented to the style's items, so each side's additions stay as written.
    static func render(_ value: YAMLValue, like style: KeyBlock, reusingItemsOf donors: [KeyBlock] = []) -> [String] {
        if style.entry.count > 1, let block = renderBlock(value, like: style),
           let check = try? FrontMatter(lines: block),
           check.entries.count == 1, let entry = check.entries.first, entry.key == style.key,
           FieldMerger.same(entry.value, value) {
            return block
        }
        let newline = terminator(of: style.entry[0]) ?? "\n"
        var frontMatter: FrontMatter
        do {
            if case .list = value, let withDonors = try? FrontMatter(lines: itemsAdded(from: donors, to: style.entry), newline: newline),
               withDonors.entries.count == 1, withDonors.entries.first?.value.list != nil {
                frontMatter = withDonors
            } else {
                frontMatter = try FrontMatter(lines: style.entry, newline: newline)
            }
        } catch {
            // The style came from a parsed file, so this cannot fail; a plain line is still valid.
            return [YAMLWriter.line(key: style.key, value: value) + newline]
        }
        frontMatter.set(style.key, to: value)
        return frontMatter.lines
    }

    /// A block list's lines with the donors' item lines added after its last item, at its items'
    /// indentation: FrontMatter.set then reuses whichever of them hold the merged items. Lines
    /// that are not a block list are returned as they are.
    private static func itemsAdded(from donors: [KeyBlock], to entry: [String]) -> [String] {
        guard var list = BlockListLines(lines: entry) else { return entry }
        for donor in donors {
            guard let other = BlockListLines(lines: donor.entry) else { continue }
            list.items += other.items.map { list.adopting($0, from: other) }
        }
        return list.lines
    }

    /// The key line as written followed by block items or nested keys at the block's indentation.
    private static func renderBlock(_ value: YAMLValue, like style: KeyBlock) -> [String]? {
        let newline = terminator(of: style.entry[0]) ?? "\n"
        let continuation = style.entry.dropFirst().first { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed != "\n" && trimmed != "\r\n"
        }
        let indent = String(continuation?.prefix { $0 == " " || $0 == "\t" } ?? "  ")
        switch value {
        case .list(let items) where items.allSatisfy({ $0.scalar != nil }):
            // FrontMatter.set keeps a block list of scalars block and each unchanged item's line
            // as written (`- "2026"` stays quoted), which a fresh rendering here would not.
            return nil
        case .list(let items):
            return [style.entry[0]] + items.map { item in
                let rendered = YAMLWriter.render(item)
                return indent + (rendered.isEmpty ? "-" : "- " + rendered) + newline
            }
        case .map(let pairs):
            // Nested maps indent one more step of the block's own indentation.
            let unit = indent.isEmpty ? "  " : indent
            return [style.entry[0]] + renderMap(pairs, indent: unit, unit: unit, newline: newline)
        case .scalar:
            return nil
        }
    }

    private static func renderMap(_ pairs: [YAMLPair], indent: String, unit: String, newline: String) -> [String] {
        pairs.flatMap { pair -> [String] in
            if case .map(let nested) = pair.value, !nested.isEmpty {
                return [indent + YAMLWriter.line(key: pair.key, value: .null) + newline]
                    + renderMap(nested, indent: indent + unit, unit: unit, newline: newline)
            }
            return [indent + YAMLWriter.line(key: pair.key, value: pair.value) + newline]
        }
    }

    private static func terminator(of line: String) -> String? {
        if line.hasSuffix("\r\n") { return "\r\n" }
        if line.hasSuffix("\n") { return "\n" }
        return nil
    }
}
