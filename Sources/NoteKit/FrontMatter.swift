/// The YAML block between the `---` fences, kept line for line so that writing it back is
/// byte-identical and editing one key touches only that key's lines.
///
/// Lines are stored with their own terminators (`\n` or `\r\n`), so files with mixed or Windows line
/// endings round-trip exactly; new lines use the terminator of the file's opening fence.
public struct FrontMatter: Hashable, Sendable {
    /// The raw lines between the fences, each with its terminator.
    public private(set) var lines: [String]
    /// The top-level keys in file order.
    public private(set) var entries: [FrontMatterEntry]
    /// The line terminator new lines get.
    public let newline: String
    /// The 1-based file line of `lines[0]`, for diagnostics.
    public let firstLine: Int
    /// Why a ``set(_:to:)`` or ``remove(_:)`` changed nothing: the block is valid YAML in a form
    /// that editing one key's lines cannot keep (the key holds the anchor another key's alias
    /// names). Nil when every edit was made.
    /// `Notebook.update` refuses to write a note that carries one.
    public private(set) var refusedEdit: Diagnostic?

    /// Parses raw front-matter lines (each with its terminator).
    ///
    /// - Throws: a ``Diagnostic`` naming the line of the first construct that is not YAML.
    public init(lines: [String], newline: String = "\n", firstLine: Int = 2, path: String = "") throws(Diagnostic) {
        self.lines = lines
        self.newline = newline
        self.firstLine = firstLine
        self.entries = try FrontMatterScanner(path: path, firstLine: firstLine).scan(lines)
    }

    /// A block parsed before, from its lines and entries (what the query cache keeps): no YAML
    /// is read again.
    package init(lines: [String], entries: [FrontMatterEntry], newline: String, firstLine: Int) {
        self.lines = lines
        self.entries = entries
        self.newline = newline
        self.firstLine = firstLine
    }

    /// An empty front-matter block.
    public init(newline: String = "\n") {
        self.lines = []
        self.entries = []
        self.newline = newline
        self.firstLine = 2
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }

    /// The value of `key`, or nil when the key is absent.
    public subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// The entry for `key`, with its line range.
    public func entry(_ key: String) -> FrontMatterEntry? {
        entries.first { $0.key == key }
    }

    /// The text between the fences, exactly as it will be written.
    public var text: String { lines.joined() }

    /// Sets `key` to `value`, replacing only that key's lines, or appending one line for a new key.
    ///
    /// Setting a value equal to the current one changes nothing, so comments and quoting stay.
    /// A key written as a block list (`tags:` then `  - a`) stays one, at its own indentation,
    /// unchanged items (matched by text, whatever their quoting) keep their lines, and its comment
    /// lines are kept even when it becomes `[]` or one value.
    /// A trailing comment on a one-line entry is kept.
    public mutating func set(_ key: String, to value: YAMLValue) {
        let previous = self
        if let existing = entry(key) {
            if existing.value.jsonObject == value.jsonObject { return }
            // A lone CR is a line break to YAML but not to these lines: an entry read that way
            // may lie outside them (found by fuzzing), and then its lines cannot be replaced.
            guard linesAreHere(existing) else { return }
            // A block list stays a block list, so a file another tool (Obsidian) wrote keeps its style.
            let list = blockList(existing)
            if let list, let block = blockListLines(for: value, replacing: list) {
                lines.replaceSubrange(existing.lines, with: block)
                reparse(after: previous, changing: key)
                return
            }
            let first = lines[existing.lines.lowerBound]
            // The key keeps its spelling and quoting as written, so only the value changes.
            var line = YAMLWriter.line(key: key, value: value)
            if let keyText = FrontMatterScanner.keyText(of: first) {
                let rendered = YAMLWriter.render(value)
                line = rendered.isEmpty ? keyText + ":" : keyText + ": " + rendered
            }
            if existing.lines.count == 1 || list != nil, let comment = FrontMatterScanner.trailingComment(of: first) {
                line += comment
            }
            let under = list == nil ? commentLinesUnder(existing) : []
            let terminator = FrontMatter.terminator(of: lines[existing.lines.lowerBound + (under.isEmpty ? existing.lines.count - 1 : 0)]) ?? newline
            // A block list set to `[]` or one value keeps its comment lines under the new line.
            let comments = (list?.commentLines ?? []).map { FrontMatter.terminator(of: $0) == nil ? $0 + newline : $0 }
            lines.replaceSubrange(existing.lines, with: [line + terminator] + under + comments)
        } else {
            // The last line may lack a terminator when the closing fence shares its line ending.
            if let last = lines.last, FrontMatter.terminator(of: last) == nil {
                lines[lines.count - 1] = last + newline
            }
            // A mapping whose keys are all indented gets the new key at their indentation.
            let indentation = entries.first.map { String(lines[$0.lines.lowerBound].prefix { $0 == " " }) } ?? ""
            lines.append(indentation + YAMLWriter.line(key: key, value: value) + newline)
        }
        reparse(after: previous, changing: key)
    }

    /// The lines under a key whose value is whole on the key's line (`sleep: 7`, then `  # from
    /// watch`) when they are all blank or comment lines: comments, not value, so a new value keeps
    /// them. Empty when the value goes on (a block scalar, a quoted or plain scalar over several
    /// lines), since there a `#` line may be text.
    private func commentLinesUnder(_ entry: FrontMatterEntry) -> [String] {
        let entryLines = Array(lines[entry.lines])
        guard FrontMatterComment.onlyCommentsUnderKeyLine(entryLines, value: entry.value) else { return [] }
        return entryLines.dropFirst().map { FrontMatter.terminator(of: $0) == nil ? $0 + newline : $0 }
    }

    /// Removes `key` and its continuation lines; returns false when it was absent.
    @discardableResult
    public mutating func remove(_ key: String) -> Bool {
        guard let existing = entry(key), linesAreHere(existing) else { return false }
        let previous = self
        lines.removeSubrange(existing.lines)
        reparse(after: previous, changing: key)
        return entry(key) == nil
    }

    /// Whether `entry`'s lines are lines of this block; when not, the edit is refused. A lone CR
    /// is a line break to YAML but not to these lines, so an entry read that way may lie outside
    /// them (found by fuzzing), and its lines cannot be replaced.
    private mutating func linesAreHere(_ entry: FrontMatterEntry) -> Bool {
        if !entry.lines.isEmpty && entry.lines.upperBound <= lines.count { return true }
        refusedEdit = Diagnostic(path: "", line: firstLine,
                                 message: "cannot change '\(entry.key)' alone (a carriage return without a line feed ends a line for YAML); nothing was written",
                                 hint: "edit the file in an editor")
        return false
    }

    /// Reads the edited lines back; when they do not parse, or a key other than `key` reads
    /// differently (an alias whose anchor went with the old lines), the edit is undone and
    /// ``refusedEdit`` says why, so no other key's value ever changes.
    private mutating func reparse(after previous: FrontMatter, changing key: String) {
        var problem: String?
        do {
            let edited = try FrontMatterScanner(path: "", firstLine: firstLine).scan(lines)
            let others = edited.filter { $0.key != key }
            let before = previous.entries.filter { $0.key != key }
            if others.map(\.key) == before.map(\.key), zip(others, before).allSatisfy({ $0.value == $1.value }) {
                entries = edited
                return
            }
            problem = "other keys would read differently, as an alias names an anchor on its lines"
        } catch {
            problem = "the edited front-matter would not read back: " + error.message
        }
        let line = previous.entry(key).map { firstLine + $0.lines.lowerBound } ?? firstLine
        self = previous
        refusedEdit = Diagnostic(path: "", line: line,
                                 message: "cannot change '\(key)' alone (\(problem ?? "")); nothing was written",
                                 hint: "edit the file in an editor")
    }

    /// The terminator at the end of a raw line, if any.
    static func terminator(of line: String) -> String? {
        if line.hasSuffix("\r\n") { return "\r\n" }
        if line.hasSuffix("\n") { return "\n" }
        return nil
    }
}
