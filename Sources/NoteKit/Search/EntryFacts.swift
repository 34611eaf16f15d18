/// An entry's kind and date as ``Note`` derives them (`kind:` else the folder, `date:` else the
/// file name), read from the `kind:` and `date:` lines alone: filtering a search by kind or date
/// should not cost a parse of every key, nor fail on a file whose other keys are broken.
struct EntryFacts: Sendable {
    var kind: NoteKind
    var date: LocalDate?

    /// The facts from the front-matter bytes of a file at `path`.
    init(path: String, bytes: UnsafeBufferPointer<UInt8>, frontMatter: Range<Int>?) {
        var kindValue: String?
        var dateValue: LocalDate?
        if let frontMatter {
            var lineStart = frontMatter.lowerBound
            while lineStart < frontMatter.upperBound {
                var end = lineStart
                while end < frontMatter.upperBound && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let first = bytes[lineStart]
                // Only lines that can start `kind:` or `date:` (perhaps quoted) are decoded.
                if first == UInt8(ascii: "k") || first == UInt8(ascii: "d") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self)
                    if let (key, rest) = FrontMatterScanner.splitKey(FrontMatterScanner.content(of: line)) {
                        let value = FrontMatterScanner.inlineValue(FrontMatterScanner.stripComment(rest))
                        if key == "kind", kindValue == nil { kindValue = value?.string }
                        if key == "date", dateValue == nil { dateValue = value?.date }
                    }
                }
                lineStart = end + 1
            }
        }
        self.init(path: path, kind: kindValue, date: dateValue)
    }

    /// The facts from parsed front-matter entries.
    init(path: String, entries: [FrontMatterEntry]) {
        let kind = entries.first { $0.key == "kind" }?.value.string
        let date = entries.first { $0.key == "date" }?.value.date
        self.init(path: path, kind: kind, date: date)
    }

    private init(path: String, kind: String?, date: LocalDate?) {
        if let kind, !kind.isEmpty {
            self.kind = NoteKind(rawValue: kind)
        } else {
            self.kind = NotebookLayout.kind(forPath: path)
        }
        self.date = date ?? NotebookLayout.date(fromPath: path)
    }
}
