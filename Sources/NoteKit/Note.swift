import Foundation

/// One entry: a Markdown file with optional YAML front-matter, held losslessly.
///
/// `text` of an unedited note is byte-identical to what was parsed: a UTF-8 BOM, the fences as
/// written, every front-matter line with its own terminator, and the body untouched.
public struct Note: Hashable, Sendable {
    /// The path relative to the notebook root (or as given).
    public var path: String
    /// The front-matter, nil when the file has none.
    public private(set) var frontMatter: FrontMatter? {
        didSet { listedJSONFields = nil }
    }
    /// Everything after the closing fence (the whole file when there is no front-matter).
    public var body: String {
        didSet { listedBodyTags = nil }
    }
    /// The body's tags as the query cache recorded them, for a note it lists without its body;
    /// nil once the body is set, when they are the body's own again.
    private var listedBodyTags: [String]?
    /// The front-matter's fields as JSON, as the query cache recorded them (see ``jsonFields``);
    /// nil once the front-matter changes, or when the cache had none.
    var listedJSONFields: String?

    /// A UTF-8 byte order mark the file started with, kept so the file round-trips.
    private var prefix: String
    /// The opening fence line with its terminator.
    private var openingFence: String
    /// The closing fence line with its terminator (which may be missing at end of file).
    private var closingFence: String

    /// Creates a new note from parts.
    public init(path: String, frontMatter: FrontMatter?, body: String) {
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.prefix = ""
        let newline = frontMatter?.newline ?? "\n"
        self.openingFence = frontMatter == nil ? "" : "---" + newline
        self.closingFence = frontMatter == nil ? "" : "---" + newline
    }

    /// A note from parts read before: what the query cache keeps of a file it parsed once.
    package init(path: String, prefix: String, openingFence: String, frontMatter: FrontMatter?, closingFence: String, body: String) {
        self.path = path
        self.prefix = prefix
        self.openingFence = openingFence
        self.frontMatter = frontMatter
        self.closingFence = closingFence
        self.body = body
    }

    /// What ``text`` holds before the front-matter and after it: the byte order mark and the
    /// fences as written (the query cache keeps them).
    package var fences: (prefix: String, opening: String, closing: String) { (prefix, openingFence, closingFence) }

    /// The whole file as it will be written.
    public var text: String {
        guard let frontMatter else { return prefix + body }
        return prefix + openingFence + frontMatter.text + closingFence + body
    }

    /// The 1-based line where the body starts.
    public var bodyFirstLine: Int {
        guard let frontMatter else { return 1 }
        return frontMatter.firstLine + frontMatter.lines.count + 1
    }

    /// The 1-based line of `key` in the file, or nil when absent.
    public func line(ofKey key: String) -> Int? {
        guard let frontMatter, let entry = frontMatter.entry(key) else { return nil }
        return frontMatter.firstLine + entry.lines.lowerBound
    }

    /// The value of a front-matter key.
    public subscript(key: String) -> YAMLValue? { frontMatter?[key] }

    /// Sets one front-matter key, touching only its lines (adds front-matter if there is none).
    public mutating func set(_ key: String, to value: YAMLValue) {
        if frontMatter == nil {
            let newline = body.contains("\r\n") ? "\r\n" : "\n"
            frontMatter = FrontMatter(newline: newline)
            openingFence = "---" + newline
            closingFence = "---" + newline
        }
        frontMatter!.set(key, to: value)
    }

    /// Removes one front-matter key; returns false when it was absent.
    @discardableResult
    public mutating func remove(_ key: String) -> Bool {
        frontMatter?.remove(key) ?? false
    }

    // MARK: - Derived facts

    /// `kind:` when present, else the kind the folder implies.
    public var kind: NoteKind {
        if let kind = self["kind"]?.string, !kind.isEmpty { return NoteKind(rawValue: kind) }
        return NotebookLayout.kind(forPath: path)
    }

    /// `date:` when it is a date, else a `YYYY-MM-DD` at the start of the file name.
    public var date: LocalDate? {
        if let date = self["date"]?.date { return date }
        return NotebookLayout.date(fromPath: path)
    }

    /// `title:` when present, else the file name without `.md`.
    public var title: String {
        if let title = self["title"]?.string, !title.isEmpty { return title }
        return NotebookLayout.stem(of: path)
    }

    /// The `tags:` list (a single scalar counts as one tag), each without a leading `#`: Obsidian
    /// reads `tags: ["#work"]` as the tag `work`, the same tag as a body's `#work`.
    public var tags: [String] {
        (self["tags"]?.strings ?? []).map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
    }

    /// The `#tags` of the body (README, "Tags": Obsidian's rules), each once, in order of first
    /// appearance. A note the query cache listed without its body still has them: the cache
    /// keeps each entry's body tags.
    public var bodyTags: [String] {
        listedBodyTags ?? BodyTags.tags(in: body)
    }

    /// A note listed from the query cache without its body, carrying the body's tags it recorded.
    package func listed(bodyTags: [String], jsonFields: String? = nil) -> Note {
        var note = self
        note.body = ""
        note.listedBodyTags = bodyTags
        note.listedJSONFields = jsonFields
        return note
    }

    /// ``tags`` followed by the body's `#tags` (``bodyTags``) that `tags:` does not hold: every
    /// tag the entry carries, each once.
    public var allTags: [String] {
        let listed = tags
        let known = Set(listed)
        return listed + bodyTags.filter { !known.contains($0) }
    }
}

extension Note {
    /// Parses a file's bytes.
    ///
    /// - Throws: a ``Diagnostic`` for binary data, invalid UTF-8, unclosed or malformed front-matter.
    public init(parsing bytes: UnsafeRawBufferPointer, path: String) throws(Diagnostic) {
        try self.init(parsing: TextDecoder.decode(bytes, path: path), path: path)
    }

    /// Parses file data.
    public init(parsing data: Data, path: String) throws(Diagnostic) {
        try self.init(parsing: TextDecoder.decode([UInt8](data), path: path), path: path)
    }

    /// Parses text already known to be valid UTF-8.
    public init(parsing text: String, path: String) throws(Diagnostic) {
        self.path = path
        var rest = Substring(text)
        prefix = ""
        if rest.unicodeScalars.first == "\u{FEFF}" {
            prefix = "\u{FEFF}"
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        var lines = LineIterator(rest)
        guard let first = lines.next(), Note.isFence(first.content, allowDots: false), first.hasTerminator else {
            openingFence = ""
            closingFence = ""
            frontMatter = nil
            body = String(rest)
            return
        }
        openingFence = String(first.raw)
        var frontLines: [String] = []
        var closing: LineIterator.Line?
        while let line = lines.next() {
            if Note.isFence(line.content, allowDots: true) { closing = line; break }
            frontLines.append(String(line.raw))
        }
        guard let closing else {
            throw Diagnostic(path: path, line: 1, message: "front-matter opened on line 1 is never closed",
                             hint: "add a line '---' after the last key; hearth will not rewrite this file")
        }
        closingFence = String(closing.raw)
        body = String(rest[closing.raw.endIndex...])
        let newline = first.raw.hasSuffix("\r\n") ? "\r\n" : "\n"
        frontMatter = try FrontMatter(lines: frontLines, newline: newline, firstLine: 2, path: path)
    }

    /// `---` (or `...` closing), trailing blanks allowed, as YAML document markers.
    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        let trimmed = line.utf8.reversed().drop(while: { $0 == 32 || $0 == 9 })
        guard trimmed.count == 3 else { return false }
        let marker = Array(trimmed)
        return marker == [45, 45, 45] || (allowDots && marker == [46, 46, 46])
    }
}
