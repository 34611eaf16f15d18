/// Every line a test wrote, so that it can check afterwards that none went missing: the crash
/// tests' "log of every line written". Each line carries a unique fixed-width token, so one
/// substring search finds it wherever a merge put it (a body, a list item, a conflict region).
public struct LineLedger: Sendable {
    /// The tokens still expected somewhere in the notebook.
    public private(set) var expected: Set<String> = []
    /// How many lines were written in all.
    public private(set) var written = 0

    public init() {}

    /// A new line for `device` to write, e.g. "laptop line 00017 (append)", now expected.
    public mutating func line(_ device: String, _ what: String) -> String {
        written += 1
        let token = Self.token(device, written)
        expected.insert(token)
        return "\(token) (\(what))"
    }

    /// Marks the lines in `text` as deliberately removed (a device deleted or rewrote the file
    /// or line holding them): they are no longer expected.
    public mutating func remove(linesIn text: String) {
        for token in expected where text.contains(token) { expected.remove(token) }
    }

    /// The expected tokens found in none of `texts`, sorted.
    public func missing(in texts: [String]) -> [String] {
        expected.filter { token in !texts.contains { $0.contains(token) } }.sorted()
    }

    /// "laptop line 00017": fixed width, so no token is a prefix of another.
    private static func token(_ device: String, _ number: Int) -> String {
        let digits = String(number)
        return "\(device) line \(String(repeating: "0", count: max(0, 5 - digits.count)) + digits)"
    }
}
