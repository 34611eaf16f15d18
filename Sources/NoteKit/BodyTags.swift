/// The `#tags` written in a Markdown body, recognised as Obsidian recognises them.
///
/// The rules (README, "Tags"):
/// - A tag is `#` followed by tag characters: letters, combining marks and digits of any script,
///   emoji, `_`, `-` and `/` (nested tags such as `#project/hearth` are kept whole). It ends at
///   the first other character, so `#tag,` and `#tag.` give `tag`; trailing `/`s are dropped.
/// - The `#` stands at the start of a line or after whitespace: `a#b`, `\#b`, `(#b)`, URLs
///   (`http://a#b`, `<http://a#b>`) and wiki-link anchors (`[[note#heading]]`) hold none.
/// - A tag holds at least one character that is not a digit: `#123` is not a tag, `#y2026` and
///   `#2026-q1` are.
/// - `#` followed by a space or another `#` is a heading marker (`# Title`, `## Log`), not a tag;
///   `#tag` at the start of a line is a tag, as in Obsidian (CommonMark needs the space too).
/// - Nothing inside fenced code blocks (three or more backticks or tildes, by CommonMark's
///   rules), inline code spans (a backtick run closed by an equal run on the same line), a
///   link's destination (`[text](url#x "title #y")`) or a wiki link (`[[...]]`).
///
/// Case is kept: `#Work` and `#work` are two tags, as `tags:` values are two strings.
package enum BodyTags {
    /// The tags in `body`, each once, in order of first appearance, without their `#`.
    package static func tags(in body: String) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        var fence = CodeFence()
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            let wasInCode = fence.isOpen
            _ = fence.headingLevel(of: line)
            // A fence's own lines and everything between them are code.
            if wasInCode || fence.isOpen { continue }
            for tag in tags(inLine: line) where seen.insert(tag).inserted { found.append(tag) }
        }
        return found
    }

    /// The tags of one line outside fenced code, in order (repeats included).
    private static func tags(inLine line: Substring) -> [String] {
        guard line.utf8.contains(UInt8(ascii: "#")) else { return [] }
        let scalars = Array(line.unicodeScalars)
        var tags: [String] = []
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index += 2
            case "`":
                index = afterCodeSpan(scalars, at: index)
            case "]" where index + 1 < scalars.count && scalars[index + 1] == "(":
                index = afterDestination(scalars, at: index + 1)
            case "[" where index + 1 < scalars.count && scalars[index + 1] == "[":
                index = afterWikiLink(scalars, at: index)
            case "#" where index == 0 || scalars[index - 1].properties.isWhitespace:
                var end = index + 1
                while end < scalars.count && isTagCharacter(scalars[end]) { end += 1 }
                var tagEnd = end
                while tagEnd > index + 1 && scalars[tagEnd - 1] == "/" { tagEnd -= 1 }
                let tag = scalars[(index + 1)..<tagEnd]
                if tag.contains(where: { !("0"..."9").contains($0) && $0.properties.numericType != .decimal }) {
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: tag)
                    tags.append(String(text))
                }
                index = max(end, index + 1)
            default:
                index += 1
            }
        }
        return tags
    }

    /// Letters, marks and digits of any script, emoji (and the joiner that builds them), `_ - /`.
    private static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: break
        }
        if scalar == "_" || scalar == "-" || scalar == "/" || scalar == "\u{200D}" { return true }
        return scalar.value > 0x7F && properties.isEmoji
    }

    /// The index after the code span opened by the backtick run at `start`, or after the run
    /// when no equal run closes it on this line (then the backticks are literal).
    private static func afterCodeSpan(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
        var runEnd = start
        while runEnd < scalars.count && scalars[runEnd] == "`" { runEnd += 1 }
        let length = runEnd - start
        var index = runEnd
        while index < scalars.count {
            guard scalars[index] == "`" else { index += 1; continue }
            var closeEnd = index
            while closeEnd < scalars.count && scalars[closeEnd] == "`" { closeEnd += 1 }
            if closeEnd - index == length { return closeEnd }
            index = closeEnd
        }
        return runEnd
    }

    /// The index after the `)` that closes the link destination opened at `open`, or after the
    /// `(` when none closes it on this line.
    private static func afterDestination(_ scalars: [Unicode.Scalar], at open: Int) -> Int {
        var depth = 0
        var index = open
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 1
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return open + 1
    }

    /// The index after the `]]` that closes the wiki link opened at `start`, or after its `[[`
    /// when none closes it on this line.
    private static func afterWikiLink(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
        var index = start + 2
        while index + 1 < scalars.count {
            if scalars[index] == "]" && scalars[index + 1] == "]" { return index + 2 }
            index += 1
        }
        return start + 2
    }
}
