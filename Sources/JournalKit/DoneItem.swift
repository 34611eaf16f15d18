import NoteKit

/// One line of a day's done list: `- learn: read the FlashAttention paper`.
public struct DoneItem: Hashable, Sendable {
    /// The category (`ship`, `learn`, ...); `other` when the line has none.
    public let category: String
    /// What was done.
    public let text: String
    /// The day it was done.
    public let date: LocalDate

    /// Reads `category: text`; a line without a one-word category counts as `other`.
    public init(line: String, date: LocalDate) {
        self.date = date
        if let colon = line.firstIndex(of: ":"),
           line[..<colon].allSatisfy({ $0.isLetter || $0 == "-" }), !line[..<colon].isEmpty {
            category = line[..<colon].lowercased()
            text = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        } else {
            category = "other"
            text = line
        }
    }
}
