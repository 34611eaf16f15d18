import NoteKit

/// One top-level front-matter key with the raw lines that belong to it: the comment and blank
/// lines just above it (its trivia) and its own lines, so it can be copied byte for byte.
struct KeyBlock: Hashable, Sendable {
    /// The key.
    var key: String
    /// Its parsed value.
    var value: YAMLValue
    /// Comment and blank lines between the previous key and this one.
    var trivia: [String]
    /// The key's own lines (key line and continuation lines).
    var entry: [String]

    /// The block's raw text, what "did this side change the key" is decided on.
    var text: String { (trivia + entry).joined() }

    /// All raw lines, trivia first.
    var lines: [String] { trivia + entry }

    /// The blocks of a front-matter in file order, and the lines after the last key.
    static func blocks(of frontMatter: FrontMatter?) -> (blocks: [KeyBlock], tail: [String]) {
        guard let frontMatter else { return ([], []) }
        var blocks: [KeyBlock] = []
        var position = 0
        for entry in frontMatter.entries {
            blocks.append(KeyBlock(key: entry.key, value: entry.value,
                                   trivia: Array(frontMatter.lines[position..<entry.lines.lowerBound]),
                                   entry: Array(frontMatter.lines[entry.lines])))
            position = entry.lines.upperBound
        }
        return (blocks, Array(frontMatter.lines[position...]))
    }
}
