import Foundation
import NoteKit
import TestSupport

/// A day-like entry made of sections and two sides that edit it by section (add an item, add a
/// section, move an item between sections, rename a heading, edit or delete an item), for the
/// section-aware merge's property tests. Every heading is unique in each version, so a merge
/// that writes one twice made it up.
struct MergeSectionScenario {
    /// One section: its heading line (`## Done`, `### Morning`) and the lines after it.
    struct Section {
        var heading: String
        var lines: [String]
        var level: Int { heading.prefix { $0 == "#" }.count }
    }

    /// A body: lines before the first heading, then the sections in order.
    struct Body {
        var preamble: [String]
        var sections: [Section]
    }

    var base: Body
    var first: Body
    var second: Body
    /// Whether the merge gets no base (both devices created the file).
    var addAdd: Bool
    var baseNewline: String
    var firstNewline: String
    var secondNewline: String
    var firstFinalNewline: Bool
    var secondFinalNewline: Bool
    /// Lines each side wrote (unique text): items it added or moved, sections it added.
    var firstWritten: Set<String> = []
    var secondWritten: Set<String> = []
    /// Base items a side moved, edited or deleted.
    var firstTouched: Set<String> = []
    var secondTouched: Set<String> = []
    /// Headings each side renamed: old heading line -> new one.
    var firstRenames: [String: String] = [:]
    var secondRenames: [String: String] = [:]

    static let frontMatter = ["---", "kind: day", "date: 2026-11-22", "---"]
    static let template = ["## Done", "## Grateful", "## Learned", "## Log", "### Morning", "### Evening", "## Notes"]
    static let newHeadings = ["## Ideas", "## Work", "### Lunch", "## Reading", "### Afternoon"]

    init(random: inout SplitMix64) {
        addAdd = Int.random(in: 0..<3, using: &random) == 0
        var item = 0
        var sections: [Section] = []
        for heading in MergeSectionScenario.template where Int.random(in: 0..<4, using: &random) != 0 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                item += 1
                lines.append("- base \(item)")
            }
            sections.append(Section(heading: heading, lines: lines + [""]))
        }
        if !sections.isEmpty, Bool.random(using: &random) { sections[sections.count - 1].lines.removeLast() }
        base = Body(preamble: [""], sections: sections)
        baseNewline = Int.random(in: 0..<3, using: &random) == 0 ? "\r\n" : "\n"
        first = base
        second = base
        firstNewline = baseNewline
        secondNewline = baseNewline
        firstFinalNewline = true
        secondFinalNewline = true
        var counter = 0
        for side in ["a", "b"] {
            var body = base
            var written: Set<String> = []
            var touched: Set<String> = []
            var renames: [String: String] = [:]
            if addAdd {
                // Another template: some sections are not there at all.
                body.sections.removeAll { _ in Int.random(in: 0..<3, using: &random) == 0 }
            }
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                counter += 1
                let token = "\(side)\(counter)"
                let baseItems = body.sections.indices.flatMap { index in
                    body.sections[index].lines.indices.compactMap { line -> (Int, Int)? in
                        let text = body.sections[index].lines[line]
                        return text.hasPrefix("- base") && !touched.contains(text) ? (index, line) : nil
                    }
                }
                switch Int.random(in: 0..<12, using: &random) {
                case 0...3:
                    let line = "- \(token) item"
                    if body.sections.isEmpty {
                        body.preamble.append(line)
                    } else {
                        let index = Int.random(in: 0..<body.sections.count, using: &random)
                        MergeSectionScenario.insertItem(line, into: &body.sections[index], random: &random)
                    }
                    written.insert(line)
                case 4, 5:
                    let existing = Set(body.sections.map(\.heading))
                    var heading = MergeSectionScenario.newHeadings.randomElement(using: &random)!
                    if existing.contains(heading) { heading = "## S-\(token)" }
                    let line = "- \(token) new"
                    let at = Int.random(in: 0...body.sections.count, using: &random)
                    body.sections.insert(Section(heading: heading, lines: [line, ""]), at: at)
                    written.formUnion([heading, line])
                case 6, 7:
                    guard body.sections.count > 1, let (from, line) = baseItems.randomElement(using: &random) else { break }
                    let text = body.sections[from].lines.remove(at: line)
                    let to = (from + Int.random(in: 1..<body.sections.count, using: &random)) % body.sections.count
                    MergeSectionScenario.insertItem(text, into: &body.sections[to], random: &random)
                    written.insert(text)
                    touched.insert(text)
                case 8, 9:
                    let renamable = body.sections.indices.filter {
                        MergeSectionScenario.template.contains(body.sections[$0].heading) && !renames.values.contains(body.sections[$0].heading)
                    }
                    guard let index = renamable.randomElement(using: &random) else { break }
                    let old = body.sections[index].heading
                    let new = String(repeating: "#", count: body.sections[index].level) + " R-\(token)"
                    body.sections[index].heading = new
                    renames[old] = new
                    written.insert(new)
                case 10:
                    guard let (index, line) = baseItems.randomElement(using: &random) else { break }
                    touched.insert(body.sections[index].lines[line])
                    body.sections[index].lines[line] = "- \(token) edited"
                    written.insert("- \(token) edited")
                default:
                    guard let (index, line) = baseItems.randomElement(using: &random) else { break }
                    touched.insert(body.sections[index].lines.remove(at: line))
                }
            }
            let converted = Int.random(in: 0..<4, using: &random) == 0
            let newline = converted ? (baseNewline == "\n" ? "\r\n" : "\n") : baseNewline
            let finalNewline = Int.random(in: 0..<5, using: &random) != 0
            // A moved item that a later edit removed again was not written there.
            let lines = Set(MergeSectionScenario.lines(of: body))
            written = written.filter(lines.contains)
            if side == "a" {
                (first, firstWritten, firstTouched, firstRenames, firstNewline, firstFinalNewline) =
                    (body, written, touched, renames, newline, finalNewline)
            } else {
                (second, secondWritten, secondTouched, secondRenames, secondNewline, secondFinalNewline) =
                    (body, written, touched, renames, newline, finalNewline)
            }
        }
    }

    /// Puts an item among a section's items, never after its closing blank line.
    static func insertItem(_ line: String, into section: inout Section, random: inout SplitMix64) {
        let end = (section.lines.lastIndex { !$0.isEmpty } ?? -1) + 1
        section.lines.insert(line, at: Int.random(in: 0...end, using: &random))
    }

    /// The body's lines in order, without terminators.
    static func lines(of body: Body) -> [String] {
        body.preamble + body.sections.flatMap { [$0.heading] + $0.lines }
    }

    /// The whole file.
    static func text(_ body: Body, newline: String, finalNewline: Bool) -> String {
        var text = (frontMatter + lines(of: body)).map { $0 + newline }.joined()
        if !finalNewline, let last = lines(of: body).last, !last.isEmpty { text.removeLast() }
        return text
    }

    var baseData: Data { Data(MergeSectionScenario.text(base, newline: baseNewline, finalNewline: true).utf8) }
    var firstData: Data { Data(MergeSectionScenario.text(first, newline: firstNewline, finalNewline: firstFinalNewline).utf8) }
    var secondData: Data { Data(MergeSectionScenario.text(second, newline: secondNewline, finalNewline: secondFinalNewline).utf8) }

    /// The ending the merged file must use: with no base, the first side's; when one side left
    /// the file as it was, or both sides saved the same bytes, the other side's bytes stand
    /// (nothing is merged); otherwise the base's.
    var expectedNewline: String {
        if addAdd { return firstNewline }
        if firstData == baseData || firstData == secondData { return secondNewline }
        if secondData == baseData { return firstNewline }
        return baseNewline
    }

    /// Each line of a body with the headings it lies under (`["## Log", "### Morning"]`),
    /// read as Markdown nests ATX headings: a heading closes the open ones of its level or deeper.
    static func placed(_ lines: [String]) -> [(line: String, path: [String])] {
        var open: [(level: Int, heading: String)] = []
        return lines.map { line in
            let level = line.prefix { $0 == "#" }.count
            if level > 0, line.dropFirst(level).first == " " {
                open.removeAll { $0.level >= level }
                open.append((level, line))
            }
            return (line, open.map(\.heading))
        }
    }

    /// A readable dump for failure messages.
    var description: String {
        let describe = { (name: String, body: Body, newline: String) in
            "--- \(name) (\(newline == "\r\n" ? "CRLF" : "LF"))\n" + MergeSectionScenario.lines(of: body).joined(separator: "\n") + "\n"
        }
        return (addAdd ? "add/add\n" : "") + describe("base", base, baseNewline) + describe("a", first, firstNewline)
            + describe("b", second, secondNewline)
    }
}
