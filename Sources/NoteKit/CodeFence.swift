/// Tracks fenced code blocks (``` or ~~~) while reading Markdown line by line, so that a `#`
/// line inside code is never taken for a heading.
struct CodeFence {
    /// Whether the lines read so far left a fence open.
    private(set) var isOpen = false
    private var marker: UInt8 = 0

    /// Reads one line (without its terminator) and returns its heading level, or nil when the
    /// line is not a heading (or lies inside a fence, or is a fence line itself).
    mutating func headingLevel(of line: Substring) -> Int? {
        let utf8 = line.utf8
        let indented = utf8.prefix { $0 == 32 }.count
        let rest = utf8.dropFirst(indented)
        if indented < 4, let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~"),
           rest.prefix(while: { $0 == first }).count >= 3 {
            if !isOpen {
                isOpen = true
                marker = first
            } else if first == marker {
                isOpen = false
            }
            return nil
        }
        guard !isOpen else { return nil }
        let hashes = utf8.prefix { $0 == UInt8(ascii: "#") }.count
        return hashes > 0 && utf8.dropFirst(hashes).first == UInt8(ascii: " ") ? hashes : nil
    }
}
