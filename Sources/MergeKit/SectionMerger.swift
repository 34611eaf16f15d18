import NoteKit

/// The section-aware three-way merge of a Markdown body (merge.md, "Body: per section").
///
/// Each version is cut into a tree of sections (``SectionNode``). Sections are matched by
/// heading (level and normalised title, see `MarkdownHeading`) under the same parent, and a
/// matched section's own lines are merged by ``LineMerger`` as a whole body used to be, with the
/// same conflict records. So an item stays under the heading it was written under, a heading
/// both sides have is written once, and a section only one side has stays where that side put
/// it. A heading one side renamed (see ``renames(base:side:other:)``) is matched with the old
/// one, so the other side's additions follow the new name.
///
/// Blank lines at the end of a section separate it from the next heading; they are merged as a
/// unit, so an item added by one side never lands after the other side's separating blank line.
struct SectionMerger {
    /// Merges the lines inside a section and carries the sides, the path and the line ending.
    var lineMerger: LineMerger

    /// Merges three bodies given as lines with terminators; `base` nil for two versions with
    /// no common ancestor (a section-wise union: lines both have appear once).
    func merge(base: [String]?, first: [String], second: [String]) -> (lines: [String], conflicts: [MergeConflict]) {
        var out: [String] = []
        var conflicts: [MergeConflict] = []
        let baseTree = base.map(SectionNode.tree(of:))
        var anywhere: [MarkdownHeading: [SectionNode]] = [:]
        func index(_ node: SectionNode) {
            if let title = node.title { anywhere[title, default: []].append(node) }
            node.children.forEach(index)
        }
        baseTree.map(index)
        merge(base: baseTree, first: SectionNode.tree(of: first), second: SectionNode.tree(of: second), anywhere: anywhere,
              into: &out, conflicts: &conflicts)
        // A section that ended its file may now be followed by another one.
        for index in out.indices.dropLast() where !TextLines.isTerminated(out[index]) {
            out[index] += lineMerger.newline
        }
        return (out, conflicts)
    }

    /// One section on the three versions (nil: that version has none) into `out`.
    /// `anywhere`: the base's sections by heading, wherever they are; `extra`: lines that go at
    /// the end of the section's own lines (see ``folds(order:base:first:second:)``).
    private func merge(base: SectionNode?, first: SectionNode?, second: SectionNode?,
                       anywhere: [MarkdownHeading: [SectionNode]], extra: [String] = [],
                       into out: inout [String], conflicts: inout [MergeConflict]) {
        guard let kept = first ?? second else { return }
        var base = base
        if base == nil, let first, let second {
            // Both sides have a section the base lacks at this place: one the base has elsewhere
            // (a new heading above it on one side made it another's child) is still their base,
            // or an item one side moved within it would come back from the other as an addition.
            base = SectionMerger.elsewhere(first: first, second: second, anywhere: anywhere)
        }
        if first == nil || second == nil {
            // Only one side has it: new there, or deleted on the other side, which stands
            // unless the keeping side changed something in it.
            guard let base else {
                out += kept.allLines
                return
            }
            if SectionMerger.same(kept.allLines, base.allLines) { return }
        }
        if let baseHeading = base?.heading, let firstHeading = first?.heading, let secondHeading = second?.heading,
           Set([base?.title, first?.title, second?.title]).count == 3 {
            // Both sides renamed it, differently: a text conflict, like any line both changed.
            let heading = lineMerger.merge(base: [baseHeading], first: [firstHeading], second: [secondHeading])
            out += heading.lines
            conflicts += heading.conflicts
        } else if let heading = SectionMerger.pick(base: base?.heading.map { [$0] }, first: first?.heading.map { [$0] },
                                                   second: second?.heading.map { [$0] }) {
            out += heading
        }

        let (baseLines, baseBlanks) = SectionMerger.splitTrailingBlanks(base?.lines ?? [])
        let (firstLines, firstBlanks) = SectionMerger.splitTrailingBlanks(first?.lines ?? [])
        let (secondLines, secondBlanks) = SectionMerger.splitTrailingBlanks(second?.lines ?? [])
        let own = base == nil
            ? lineMerger.mergeWithoutBase(first: firstLines, second: secondLines)
            : lineMerger.merge(base: baseLines, first: firstLines, second: secondLines)
        out += own.lines
        out += extra.map { TextLines.terminated($0, newline: lineMerger.newline) }
        conflicts += own.conflicts
        // A section one side deleted keeps its separating blank lines as the other side has them.
        out += SectionMerger.pick(base: base.map { _ in baseBlanks }, first: first.map { _ in firstBlanks },
                                  second: second.map { _ in secondBlanks }) ?? []

        let baseChildren = base?.keyedChildren(against: nil) ?? []
        var firstChildren = first?.keyedChildren(against: base) ?? []
        var secondChildren = second?.keyedChildren(against: base) ?? []
        if base != nil, first != nil, second != nil {
            var firstRenames = SectionMerger.renames(base: baseChildren, side: firstChildren, other: secondChildren)
            var secondRenames = SectionMerger.renames(base: baseChildren, side: secondChildren, other: firstChildren)
            // A rename stands against the other side's old section or its own rename of it; a
            // section the other side deleted is not renamed but added, with all its lines.
            let (firstKeys, secondKeys) = (Set(firstChildren.map(\.key)), Set(secondChildren.map(\.key)))
            let (firstTargets, secondTargets) = (Set(firstRenames.values), Set(secondRenames.values))
            firstRenames = firstRenames.filter { secondKeys.contains($0.value) || secondTargets.contains($0.value) }
            secondRenames = secondRenames.filter { firstKeys.contains($0.value) || firstTargets.contains($0.value) }
            firstChildren = firstChildren.map { (firstRenames[$0.key] ?? $0.key, $0.node) }
            secondChildren = secondChildren.map { (secondRenames[$0.key] ?? $0.key, $0.node) }
        }
        let (baseByKey, firstByKey, secondByKey) = (SectionMerger.byKey(baseChildren), SectionMerger.byKey(firstChildren),
                                                    SectionMerger.byKey(secondChildren))
        // A section one side deleted and the other left alone is gone: it has no place in the
        // order, where the sorting of a repeated heading's copies would swap it with a copy that
        // stays and undo a move the deleting side made.
        let gone = Set(baseChildren.map(\.key).filter { key in
            guard let old = baseByKey[key], (firstByKey[key] == nil) != (secondByKey[key] == nil),
                  let kept = firstByKey[key] ?? secondByKey[key] else { return false }
            return SectionMerger.same(kept.allLines, old.allLines)
        })
        let order = SectionMerger.order(base: base.map { _ in baseChildren.map(\.key).filter { !gone.contains($0) } },
                                        first: firstChildren.map(\.key).filter { !gone.contains($0) },
                                        second: secondChildren.map(\.key).filter { !gone.contains($0) })
        let folds = SectionMerger.folds(order: order, base: baseByKey, first: firstByKey, second: secondByKey)
        var extra: [SectionNode.Key: [String]] = [:]
        for key in order {
            guard let target = folds[key], let old = baseByKey[key], let edited = firstByKey[key] ?? secondByKey[key] else { continue }
            extra[target, default: []] += SectionMerger.inserted(base: old, side: edited)
        }
        let (firstAfterBlank, secondAfterBlank) = (SectionMerger.afterBlank(first, firstChildren),
                                                   SectionMerger.afterBlank(second, secondChildren))
        for key in order where folds[key] == nil {
            let start = out.count
            merge(base: baseByKey[key], first: firstByKey[key], second: secondByKey[key], anywhere: anywhere,
                  extra: extra[key] ?? [], into: &out, conflicts: &conflicts)
            // A section kept against the other side's deletion follows a blank line when it did on
            // the side that kept it: that side may have deleted what came after the section
            // before it, taking that section's separating blank line with it.
            if start > 0, out.count > start, !SectionMerger.isBlank(out[start - 1]), baseByKey[key] != nil,
               (firstByKey[key] == nil) != (secondByKey[key] == nil),
               firstByKey[key] == nil || firstAfterBlank.contains(key), secondByKey[key] == nil || secondAfterBlank.contains(key) {
                out.insert(lineMerger.newline, at: start)
            }
        }
    }

    /// The sections `side` may have renamed: side's key -> base's key. A base section the side
    /// no longer has and a section only the side has are one section renamed when each is the
    /// only such one between the same neighbours, their levels are equal and the renamed one
    /// kept at least half of the old one's non-blank lines (and at least one). The other side's
    /// changes under the old heading then go under the new one.
    static func renames(base: [(key: SectionNode.Key, node: SectionNode)], side: [(key: SectionNode.Key, node: SectionNode)],
                        other: [(key: SectionNode.Key, node: SectionNode)]) -> [SectionNode.Key: SectionNode.Key] {
        let baseKeys = Set(base.map(\.key))
        let sideKeys = Set(side.map(\.key))
        let otherKeys = Set(other.map(\.key))
        // Sections grouped by the nearest section before them that base and side share (nil: none).
        var gone: [SectionNode.Key?: [SectionNode]] = [:]
        var goneKeys: [SectionNode.Key?: [SectionNode.Key]] = [:]
        var previous: SectionNode.Key?
        for (key, node) in base {
            if sideKeys.contains(key) {
                previous = key
            } else {
                gone[previous, default: []].append(node)
                goneKeys[previous, default: []].append(key)
            }
        }
        var added: [SectionNode.Key?: [(key: SectionNode.Key, node: SectionNode)]] = [:]
        previous = nil
        for (key, node) in side {
            if baseKeys.contains(key) {
                previous = key
            } else if !otherKeys.contains(key) {
                added[previous, default: []].append((key, node))
            }
        }
        var renames: [SectionNode.Key: SectionNode.Key] = [:]
        for (slot, old) in gone {
            guard old.count == 1, let oldKey = goneKeys[slot]?.first, let new = added[slot], new.count == 1,
                  old[0].level == new[0].node.level else { continue }
            let oldLines = old[0].lines.filter { !isBlank($0) }.map(TextLines.content)
            let newLines = Set(new[0].node.lines.map(TextLines.content))
            // An empty section is not recognised anywhere (a new section that took the place of
            // an empty one moved away is not its rename).
            let kept = oldLines.filter(newLines.contains).count
            if kept > 0, kept * 2 >= oldLines.count { renames[new[0].key] = oldKey }
        }
        return renames
    }

    /// The order of a section's children: the order of the side that moved shared sections
    /// (first's when neither or both did), with each section only the other side has placed
    /// after the one it follows there. Where both sides added sections at the same place,
    /// first's come first, as with lines.
    static func order(base: [SectionNode.Key]?, first: [SectionNode.Key], second: [SectionNode.Key]) -> [SectionNode.Key] {
        let baseSet = Set(base ?? [])
        let firstSet = Set(first)
        let secondSet = Set(second)
        let shared = { (key: SectionNode.Key) in baseSet.contains(key) && firstSet.contains(key) && secondSet.contains(key) }
        let secondLeads = base.map { $0.filter(shared) == first.filter(shared) && $0.filter(shared) != second.filter(shared) } ?? false
        let (lead, other, otherSet) = secondLeads ? (second, first, firstSet) : (first, second, secondSet)
        var result = lead
        var placed = Set(lead)
        var previous: SectionNode.Key?
        for key in other {
            defer { previous = key }
            guard !placed.contains(key) else { continue }
            var index = previous.flatMap { result.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            if !secondLeads {
                // Second's new section goes after what first added at the same place.
                while index < result.count, !otherSet.contains(result[index]), !baseSet.contains(result[index]) { index += 1 }
            }
            result.insert(key, at: index)
            placed.insert(key)
        }
        // The copies of a repeated heading keep each side's order among them (a side that
        // reads the copies together must find its lines in its order).
        var positions: [MarkdownHeading: [Int]] = [:]
        for (index, key) in result.enumerated() { positions[key.heading, default: []].append(index) }
        for (heading, indices) in positions where indices.count > 1 {
            var copies = lead.filter { $0.heading == heading }
            var previous: SectionNode.Key?
            for key in other where key.heading == heading {
                defer { previous = key }
                guard !copies.contains(key) else { continue }
                copies.insert(key, at: previous.flatMap { copies.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
            }
            for (index, key) in zip(indices, copies) { result[index] = key }
        }
        // A heading of a lower level after a sibling of a higher one would become its child
        // (sides that added `### a` and `## b` at the same place): deeper levels go first.
        let levels = result.map(\.heading.level)
        if zip(levels, levels.dropFirst()).contains(where: { $0 < $1 }) {
            result = result.enumerated().sorted { ($1.element.heading.level, $0.offset) < ($0.element.heading.level, $1.offset) }
                .map(\.element)
        }
        return result
    }

    /// The copies of a repeated heading that one side deleted and the other edited, each with
    /// the copy of the same heading that stays (the nearest before it, else after it), which
    /// takes the lines the editing side added: following `hearth check`'s advice on one device
    /// (move the lines under the first copy, delete the second) must not bring the heading back
    /// twice. A copy with no such other one is kept, as any section deleted against an edit.
    static func folds(order: [SectionNode.Key], base: [SectionNode.Key: SectionNode], first: [SectionNode.Key: SectionNode],
                      second: [SectionNode.Key: SectionNode]) -> [SectionNode.Key: SectionNode.Key] {
        // Only a copy both sides have: its merge always writes the extra lines (a copy only one
        // side has may be written as that side has it, or dropped).
        let stays = { (key: SectionNode.Key) in first[key] != nil && second[key] != nil }
        var folds: [SectionNode.Key: SectionNode.Key] = [:]
        for (index, key) in order.enumerated() {
            guard let old = base[key], (first[key] == nil) != (second[key] == nil),
                  let edited = first[key] ?? second[key], !same(edited.allLines, old.allLines) else { continue }
            let sameHeading = { (other: SectionNode.Key) in other.heading == key.heading && stays(other) }
            if let target = order[..<index].last(where: sameHeading) ?? order[(index + 1)...].first(where: sameHeading) {
                folds[key] = target
            }
        }
        return folds
    }

    /// The lines `side` added to the section `base` (children included, heading not), without
    /// blank lines at either end.
    static func inserted(base: SectionNode, side: SectionNode) -> [String] {
        let (old, new) = (base.lines + base.children.flatMap(\.allLines), side.lines + side.children.flatMap(\.allLines))
        var interner = TextLines.Interner()
        let matched = Set(LineDiff.matches(interner.ids(old.map { String(TextLines.content($0)) }, newline: "\n"),
                                                  interner.ids(new.map { String(TextLines.content($0)) }, newline: "\n")).map(\.1))
        var added = new.indices.filter { !matched.contains($0) }.map { new[$0] }
        while let line = added.first, isBlank(line) { added.removeFirst() }
        while let line = added.last, isBlank(line) { added.removeLast() }
        return added
    }

    /// The base section with the heading of `first` and `second` (a side's section the base
    /// lacks at its place) that shares a non-blank line with each, the one that shares the most
    /// (the first of equals); nil when there is none, so sections both sides added stay a union.
    static func elsewhere(first: SectionNode, second: SectionNode, anywhere: [MarkdownHeading: [SectionNode]]) -> SectionNode? {
        guard let title = first.title, title == second.title else { return nil }
        var best: (node: SectionNode, shared: Int)?
        for candidate in anywhere[title] ?? [] {
            let lines = Set(candidate.contentLines)
            let (a, b) = (first.contentLines.filter(lines.contains).count, second.contentLines.filter(lines.contains).count)
            if a > 0, b > 0, a + b > best?.shared ?? 0 { best = (candidate, a + b) }
        }
        return best?.node
    }

    /// The keys of the children of `parent` (keyed as `children`) whose heading follows a blank line.
    static func afterBlank(_ parent: SectionNode?, _ children: [(key: SectionNode.Key, node: SectionNode)]) -> Set<SectionNode.Key> {
        guard let parent else { return [] }
        var previous = parent.lines.last
        var keys: Set<SectionNode.Key> = []
        for (key, node) in children {
            if let previous, isBlank(previous) { keys.insert(key) }
            previous = node.allLines.last
        }
        return keys
    }

    /// Children by key.
    private static func byKey(_ children: [(key: SectionNode.Key, node: SectionNode)]) -> [SectionNode.Key: SectionNode] {
        Dictionary(uniqueKeysWithValues: children.map { ($0.key, $0.node) })
    }

    /// The three-way rule for a part merged as a whole (a heading line, a section's closing
    /// blank lines): a side's change wins, a removed or added final line break too; when both
    /// changed it, the longer version (first's when as long), so that no separating blank line
    /// is lost. Nil when no side has it.
    static func pick(base: [String]?, first: [String]?, second: [String]?) -> [String]? {
        guard let first else { return second }
        guard let second else { return first }
        if let base {
            if base == first { return second }
            if base == second { return first }
        }
        if same(first, second) { return first }
        if let base {
            if same(base, first) { return second }
            if same(base, second) { return first }
        }
        return second.count > first.count ? second : first
    }

    /// `lines` without its closing blank lines, and those lines.
    static func splitTrailingBlanks(_ lines: [String]) -> (lines: [String], blanks: [String]) {
        let end = (lines.lastIndex { !isBlank($0) } ?? -1) + 1
        return (Array(lines[..<end]), Array(lines[end...]))
    }

    /// Whether a line holds only spaces and tabs.
    static func isBlank(_ line: String) -> Bool {
        line.utf8.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }
    }

    /// Whether two runs of lines read the same, whatever their last line's terminator.
    static func same(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { TextLines.content($0) == TextLines.content($1) }
    }
}
