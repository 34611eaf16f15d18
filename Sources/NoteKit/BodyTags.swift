/// The `#tags` written in a Markdown body, recognised as Obsidian recognises them.
///
/// The rules (README, "Tags"):
/// - A tag is `#` followed by tag characters, and ends at the first character that is not one.
///   As in Obsidian, every character is a tag character but whitespace, the ASCII punctuation
///   `' ! " # $ % & ( ) * + , . : ; < = > ? @ ^ ` { | } ~ [ ] \`, and the two Unicode punctuation
///   blocks, General Punctuation (U+2000-U+206F: dashes, quotes, `…`, and the zero-width
///   joiner) and Supplemental Punctuation (U+2E00-U+2E7F). So `_`, `-` and `/` are tag
///   characters (nested tags such as `#project/hearth` stay whole), and so are letters, marks
///   and digits of any script, emoji and symbols: `#brand™`, `#20°C` and `#€uro` are one tag
///   each, while `#tag,` and `#tag…` give `tag`. Trailing `/`s are dropped.
/// - The `#` stands at the start of a line or after whitespace: `a#b`, `\#b`, `(#b)`, URLs
///   (`http://a#b`, `<http://a#b>`) and wiki-link anchors (`[[note#heading]]`) hold none.
/// - A tag holds at least one character that is not a digit: `#123` is not a tag, `#y2026` and
///   `#2026-q1` are.
/// - `#` followed by a space or another `#` is a heading marker (`# Title`, `## Log`), not a tag;
///   `#tag` at the start of a line is a tag, as in Obsidian (CommonMark needs the space too).
/// - Nothing inside fenced code blocks (three or more backticks or tildes, by CommonMark's
///   rules, in a block quote too: `> ```` ` opens one that the quote's end closes), HTML
///   comments (`<!-- ... -->`, over several lines too), inline code spans (a backtick run closed
///   by an equal run on the same line), a link's destination (`[text](url#x "title #y")`) or a
///   wiki link (`[[...]]`).
///
/// Case is kept: `#Work` and `#work` are two tags, as `tags:` values are two strings.
package enum BodyTags {
    /// The tags in `body`, each once, in order of first appearance, without their `#`.
    package static func tags(in body: String) -> [String] {
        guard body.utf8.contains(UInt8(ascii: "#")) else { return [] }
        var found: [String] = []
        var seen: Set<String> = []
        var fence = CodeFence()
        // How many `>` markers the open fence's lines carry: a line with fewer ends the quote
        // that holds the fence, and with it the fence (CommonMark's containers).
        var fenceDepth = 0
        var inComment = false
        // A comment opened inside a paragraph (not at the start of its line) ends with the
        // paragraph: CommonMark takes an unclosed `<!--` there for text, and one never closed
        // must not hide the rest of the entry.
        var commentInParagraph = false
        // Split by bytes, not characters: the query cache takes the tags of every entry it parses.
        for rawLine in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine)
            if inComment && commentInParagraph && line.allSatisfy({ $0 == " " || $0 == "\t" }) { inComment = false }
            let (depth, quoted) = quoteContent(line, markers: fence.isOpen ? fenceDepth : nil)
            if fence.isOpen && depth < fenceDepth { fence = CodeFence() }
            if !inComment {
                let wasInCode = fence.isOpen
                _ = fence.headingLevel(of: quoted)
                if !wasInCode && fence.isOpen { fenceDepth = depth }
                // A fence's own lines and everything between them are code.
                if wasInCode || fence.isOpen { continue }
            }
            let wasInComment = inComment
            for tag in tags(inLine: line, inComment: &inComment) where seen.insert(tag).inserted { found.append(tag) }
            if inComment && !wasInComment {
                // Up to three spaces before `<!--`: an HTML block, which runs to its `-->`.
                let indent = line.prefix { $0 == " " }.count
                commentInParagraph = !(indent < 4 && line.dropFirst(indent).hasPrefix("<!--"))
            }
        }
        return found
    }

    /// The number of block quote markers (`>`, each after at most three spaces and followed by
    /// an optional space) that start `line`, and what follows them; with `markers`, at most that
    /// many are taken (the rest of the line is the open fence's content).
    private static func quoteContent(_ line: Substring, markers: Int?) -> (depth: Int, rest: Substring) {
        var rest = line
        var depth = 0
        while markers.map({ depth < $0 }) ?? true {
            let spaces = rest.utf8.prefix { $0 == UInt8(ascii: " ") }.count
            guard spaces < 4, rest.utf8.dropFirst(spaces).first == UInt8(ascii: ">") else { break }
            rest = rest.dropFirst(spaces + 1)
            if rest.utf8.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
            depth += 1
        }
        return (depth, rest)
    }

    /// The tags of one line outside fenced code, in order (repeats included). `inComment` says
    /// whether an HTML comment is open at the start of the line, and at its end.
    private static func tags(inLine line: Substring, inComment: inout Bool) -> [String] {
        guard inComment || mayHoldTagOrComment(line) else { return [] }
        let scalars = Array(line.unicodeScalars)
        var tags: [String] = []
        var index = 0
        if inComment {
            guard let end = afterComment(scalars, from: 0) else { return [] }
            inComment = false
            index = end
        }
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index += 2
            case "`":
                index = afterCodeSpan(scalars, at: index)
            case "<" where startsComment(scalars, at: index):
                // `<!-->` and `<!--->` are whole (empty) comments in CommonMark.
                if index + 4 < scalars.count && scalars[index + 4] == ">" { index += 5; continue }
                if index + 5 < scalars.count && scalars[index + 4] == "-" && scalars[index + 5] == ">" { index += 6; continue }
                guard let end = afterComment(scalars, from: index + 4) else {
                    inComment = true
                    return tags
                }
                index = end
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

    /// Whether `line` has a `#` that may start a tag (first on the line or after a byte that may
    /// be whitespace, and before one that may continue a tag) or a `<` that may open a comment:
    /// a look at its bytes that spares most lines (`## Log`, `- 21:04 notes`) the closer one.
    private static func mayHoldTagOrComment(_ line: Substring) -> Bool {
        // Bytes of a multi-byte character may be Unicode whitespace or tag characters: counted as both.
        var afterSpace = true
        var afterHash = false
        for byte in line.utf8 {
            if afterHash && (byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
                             || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)) {
                return true
            }
            if byte == UInt8(ascii: "<") { return true }
            afterHash = byte == UInt8(ascii: "#") && afterSpace
            afterSpace = byte <= 0x20 || byte >= 0x80
        }
        return false
    }

    /// Whether an HTML comment (`<!--`) opens at `index`.
    private static func startsComment(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        index + 3 < scalars.count && scalars[index + 1] == "!" && scalars[index + 2] == "-" && scalars[index + 3] == "-"
    }

    /// The index after the `-->` that closes a comment, searched from `start`; nil when the
    /// comment goes on past this line.
    private static func afterComment(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 2 < scalars.count {
            if scalars[index] == "-" && scalars[index + 1] == "-" && scalars[index + 2] == ">" { return index + 3 }
            index += 1
        }
        return nil
    }

    /// Every character but whitespace, ASCII punctuation other than `_ - /`, and the General and
    /// Supplemental Punctuation blocks: Obsidian's own test.
    private static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F:
            return scalar == "_" || scalar == "-" || scalar == "/" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        case 0x2000...0x206F, 0x2E00...0x2E7F:
            return false
        default:
            return !scalar.properties.isWhitespace && scalar != "\u{FEFF}"
        }
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
