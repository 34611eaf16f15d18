/// `hearth check`'s warnings about a file's text that other tools leave behind: a heading twice,
/// mixed line endings, and git's conflict markers.
///
/// - A heading twice: the same level and title (as ``MarkdownHeading`` normalises it) under the
///   same parent heading, outside fenced code. `### Notes` under two different days of a week
///   entry is not a repeat.
/// - Mixed line endings: some lines end with CRLF and others with LF.
/// - Git conflict markers: a line starting with `<<<<<<<` or `>>>>>>>` (followed by a space or
///   nothing) outside fenced code. A `=======` line is Markdown too (the underline of a setext
///   heading), so it is named only inside a `<<<<<<<` ... `>>>>>>>` block.
public enum BodyLint {
    /// The warnings for one parsed note, in line order.
    public static func problems(in note: Note) -> [Diagnostic] {
        var lines: [LineIterator.Line] = []
        var iterator = LineIterator(Substring(note.text))
        while let line = iterator.next() { lines.append(line) }
        let bodyStart = note.bodyFirstLine - 1
        let body = bodyStart < lines.count ? Array(lines[bodyStart...]) : []
        return (mixedEndings(note.path, lines) + repeatedHeadings(note.path, body, firstLine: bodyStart + 1)
                + conflictMarkers(note.path, body, firstLine: bodyStart + 1)).sorted { $0.line < $1.line }
    }

    /// One warning at the first line whose ending differs from the first line's.
    private static func mixedEndings(_ path: String, _ lines: [LineIterator.Line]) -> [Diagnostic] {
        let endings = lines.filter(\.hasTerminator).map { $0.raw.utf8.count > $0.content.utf8.count + 1 }
        let crlf = endings.filter { $0 }.count
        guard crlf > 0, crlf < endings.count, let firstIsCRLF = endings.first,
              let other = lines.firstIndex(where: { $0.hasTerminator && ($0.raw.utf8.count > $0.content.utf8.count + 1) != firstIsCRLF })
        else { return [] }
        let name = { (isCRLF: Bool) in isCRLF ? "CRLF" : "LF" }
        let message = "mixed line endings: line 1 ends with \(name(firstIsCRLF)), line \(other + 1) with "
            + "\(name(!firstIsCRLF)) (\(crlf) CRLF, \(endings.count - crlf) LF)"
        return [Diagnostic(path: path, line: other + 1, severity: .warning, message: message,
                           hint: "save the file with one line ending (your editor's line-ending setting)")]
    }

    /// A warning at each heading that repeats an earlier one under the same parent.
    private static func repeatedHeadings(_ path: String, _ lines: [LineIterator.Line], firstLine: Int) -> [Diagnostic] {
        var open: [MarkdownHeading] = []
        var seen: [[MarkdownHeading]: Int] = [:]
        var problems: [Diagnostic] = []
        for (index, heading) in MarkdownHeading.headings(in: lines.map(\.content)).enumerated() {
            guard let heading else { continue }
            open.removeAll { $0.level >= heading.level }
            open.append(heading)
            let line = firstLine + index
            if let earlier = seen[open] {
                problems.append(Diagnostic(path: path, line: line, severity: .warning,
                                           message: "heading '\(heading.text)' appears twice at this level (first on line \(earlier))",
                                           hint: "move this section's lines under the first one and delete this heading"))
            } else {
                seen[open] = line
            }
        }
        return problems
    }

    /// A warning at each `<<<<<<<` naming the block's marker lines, and at a `>>>>>>>` outside one.
    private static func conflictMarkers(_ path: String, _ lines: [LineIterator.Line], firstLine: Int) -> [Diagnostic] {
        var fence = CodeFence()
        var problems: [Diagnostic] = []
        var block: [Int] = []   // marker lines of the open `<<<<<<<` block
        func report(_ markers: [Int], complete: Bool) {
            guard let first = markers.first else { return }
            let list = markers.map(String.init).joined(separator: ", ")
            let message = complete
                ? "git conflict markers left in the file (lines \(list))"
                : "a git conflict marker (line \(list)) without the rest of its block"
            problems.append(Diagnostic(path: path, line: first, severity: .warning, message: message,
                                       hint: "keep the version you want and delete the marker lines"))
        }
        for (index, line) in lines.enumerated() {
            let wasOpen = fence.isOpen
            _ = fence.headingLevel(of: line.content)
            if wasOpen || fence.isOpen { continue }
            let number = firstLine + index
            switch marker(line.content) {
            case "<"?:
                report(block, complete: false)
                block = [number]
            case "="?, "|"?:
                if !block.isEmpty { block.append(number) }
            case ">"?:
                if block.isEmpty {
                    report([number], complete: false)
                } else {
                    report(block + [number], complete: true)
                    block = []
                }
            default:
                break
            }
        }
        report(block, complete: false)
        return problems
    }

    /// `<`, `=`, `|` or `>` when the line is git's marker of that kind: seven of the character,
    /// then a space or the end (`=======` only alone).
    private static func marker(_ line: Substring) -> Character? {
        let utf8 = line.utf8
        guard let first = utf8.first, [UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "|"), UInt8(ascii: ">")].contains(first),
              utf8.prefix(while: { $0 == first }).count == 7 else { return nil }
        let rest = utf8.dropFirst(7)
        if first == UInt8(ascii: "=") { return rest.allSatisfy { $0 == 32 || $0 == 9 } ? "=" : nil }
        return rest.isEmpty || rest.first == 32 ? Character(Unicode.Scalar(first)) : nil
    }
}
