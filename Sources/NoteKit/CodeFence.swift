/// Tracks fenced code blocks (``` or ~~~) while reading Markdown line by line, so that a `#`
/// line inside code is never taken for a heading.
///
/// The rules are CommonMark's: a fence is a run of at least three backticks or tildes indented
/// at most three spaces (a backtick fence's info string holds no backtick); it is closed by a
/// run of the same character at least as long, indented at most three spaces, followed by
/// nothing but spaces and tabs. So a four-backtick fence can show a three-backtick one, and
/// "```swift" inside a fence is code, not its end.
struct CodeFence {
    /// Whether the lines read so far left a fence open.
    private(set) var isOpen = false
    private var marker: UInt8 = 0
    private var length = 0

    /// Reads one line (without its terminator) and returns its heading level, or nil when the
    /// line is not a heading (or lies inside a fence, or is a fence line itself).
    mutating func headingLevel(of line: Substring) -> Int? {
        let utf8 = line.utf8
        let indented = utf8.prefix { $0 == 32 }.count
        let rest = utf8.dropFirst(indented)
        if indented < 4, let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
            let run = rest.prefix { $0 == first }.count
            let info = rest.dropFirst(run)
            if isOpen, first == marker, run >= length, info.allSatisfy({ $0 == 32 || $0 == 9 }) {
                isOpen = false
                return nil
            }
            if !isOpen, run >= 3, first == UInt8(ascii: "~") || !info.contains(UInt8(ascii: "`")) {
                isOpen = true
                marker = first
                length = run
                return nil
            }
        }
        guard !isOpen else { return nil }
        let hashes = utf8.prefix { $0 == UInt8(ascii: "#") }.count
        // CommonMark headings have one to six `#`s; `####### x` is a paragraph.
        return (1...6).contains(hashes) && utf8.dropFirst(hashes).first == UInt8(ascii: " ") ? hashes : nil
    }
}
