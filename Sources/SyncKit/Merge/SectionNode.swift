import NoteKit

/// A Markdown body as a tree of sections, for the section-aware merge.
///
/// A section is a heading line and what follows it up to the next heading of the same or a
/// higher level; the headings of a lower level inside it are its children. The root stands for
/// the whole body: its own lines are the text before the first heading. Putting the lines of a
/// tree back in order gives the body's lines exactly.
struct SectionNode {
    /// How a section is matched across versions: its heading's level and normalised title
    /// under the same parent, and which occurrence of that heading it is there (0 for the
    /// first), so a body that already has a heading twice keeps both.
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

    /// The tree of `lines` (each with its terminator, as ``TextLines/split(_:)`` gives them).
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

    /// The children with their keys, in order.
    var keyedChildren: [(key: Key, node: SectionNode)] {
        var seen: [MarkdownHeading: Int] = [:]
        return children.map { child in
            // Children always have a heading; the root is never a child.
            let heading = child.title ?? MarkdownHeading(level: child.level, title: "")
            let occurrence = seen[heading, default: 0]
            seen[heading] = occurrence + 1
            return (Key(heading: heading, occurrence: occurrence), child)
        }
    }

    /// Every line of the section, heading and children included, in order.
    var allLines: [String] {
        (heading.map { [$0] } ?? []) + lines + children.flatMap(\.allLines)
    }
}
