import NoteKit

/// A Markdown body as a tree of sections, for the section-aware merge.
///
/// A section is a heading line and what follows it up to the next heading of the same or a
/// higher level; the headings of a lower level inside it are its children. The root stands for
/// the whole body: its own lines are the text before the first heading. Putting the lines of a
/// tree back in order gives the body's lines exactly.
struct SectionNode {
    /// How a section is matched across versions: its heading's level and normalised title
    /// under the same parent, and which copy of that heading it is there. In the base the copies
    /// count 0, 1, ... in order; a side's copy takes the number of the base copy it matches (see
    /// ``keyedChildren(against:)``), a copy the base lacks the next number past the base's.
    struct Key: Hashable {
        var heading: MarkdownHeading
        var occurrence: Int
    }

    /// The heading line with its terminator; nil for the root.
    var heading: String?
    /// The heading's level, 0 for the root.
    var level: Int
    /// The normalised heading, nil for the root.
    var title: MarkdownHeading?
    /// The lines after the heading up to the first child's heading.
    var lines: [String] = []
    /// The sections nested in this one, in order.
    var children: [SectionNode] = []

    /// The tree of `lines` (each with its terminator, as `TextLines.split(_:)` gives them).
    static func tree(of lines: [String]) -> SectionNode {
        var stack = [SectionNode(heading: nil, level: 0, title: nil)]
        func close() {
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(done)
        }
        for (line, heading) in zip(lines, MarkdownHeading.headings(in: lines)) {
            guard let heading else {
                stack[stack.count - 1].lines.append(line)
                continue
            }
            while stack.count > 1, stack[stack.count - 1].level >= heading.level { close() }
            stack.append(SectionNode(heading: line, level: heading.level, title: heading))
        }
        while stack.count > 1 { close() }
        return stack[0]
    }

    /// The children with their keys, in order, the base's copies of a repeated heading numbered
    /// in order (`base` nil: this is the base, or there is none).
    ///
    /// A side's copies of a heading are matched with the base's by content, not by count, so a
    /// side that deleted an earlier copy still lines up its later ones with theirs: the matching
    /// keeps the order of both and shares the most non-blank lines with the base, then matches
    /// the most copies (an edited copy shares nothing with its old self), then the earliest.
    func keyedChildren(against base: SectionNode?) -> [(key: Key, node: SectionNode)] {
        // Children always have a heading; the root is never a child.
        let headings = children.map { $0.title ?? MarkdownHeading(level: $0.level, title: "") }
        var baseCopies: [MarkdownHeading: [SectionNode]] = [:]
        for child in base?.children ?? [] {
            baseCopies[child.title ?? MarkdownHeading(level: child.level, title: ""), default: []].append(child)
        }
        var copies: [MarkdownHeading: [Int]] = [:]
        for (index, heading) in headings.enumerated() { copies[heading, default: []].append(index) }
        var occurrences = Array(repeating: 0, count: children.count)
        for (heading, indices) in copies {
            let olds = baseCopies[heading] ?? []
            let matched = SectionNode.match(indices.map { children[$0] }, olds)
            var next = olds.count
            for (position, index) in indices.enumerated() {
                if let old = matched[position] {
                    occurrences[index] = old
                } else {
                    occurrences[index] = next
                    next += 1
                }
            }
        }
        return children.indices.map { (Key(heading: headings[$0], occurrence: occurrences[$0]), children[$0]) }
    }

    /// For each of `sides` the index of the base copy it matches, nil for none (see
    /// ``keyedChildren(against:)``).
    private static func match(_ sides: [SectionNode], _ bases: [SectionNode]) -> [Int?] {
        if sides.count == 1, bases.count == 1 { return [0] }
        let baseLines = bases.map { Set($0.contentLines) }
        let shared = sides.map { side in baseLines.map { side.contentLines.filter($0.contains).count } }
        // best[i][j]: (shared lines, matched copies) for sides[i...] against bases[j...].
        var best = Array(repeating: Array(repeating: (0, 0), count: bases.count + 1), count: sides.count + 1)
        for i in sides.indices.reversed() {
            for j in bases.indices.reversed() {
                let paired = best[i + 1][j + 1]
                let skips = best[i][j + 1] < best[i + 1][j] ? best[i + 1][j] : best[i][j + 1]
                let pairing = (paired.0 + shared[i][j], paired.1 + 1)
                best[i][j] = pairing < skips ? skips : pairing
            }
        }
        var result: [Int?] = Array(repeating: nil, count: sides.count)
        var (i, j) = (0, 0)
        while i < sides.count, j < bases.count {
            let paired = best[i + 1][j + 1]
            if best[i][j] == (paired.0 + shared[i][j], paired.1 + 1) {
                result[i] = j
                (i, j) = (i + 1, j + 1)
            } else if best[i][j] == best[i][j + 1] {
                j += 1
            } else {
                i += 1
            }
        }
        return result
    }

    /// The distinct non-blank lines under the heading (children included), without terminators.
    var contentLines: [Substring] {
        Array(Set((lines + children.flatMap(\.allLines)).map(TextLines.content)
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }))
    }

    /// Every line of the section, heading and children included, in order.
    var allLines: [String] {
        (heading.map { [$0] } ?? []) + lines + children.flatMap(\.allLines)
    }
}
