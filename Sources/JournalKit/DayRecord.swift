import NoteKit

/// A day entry read for the review: its numbers, tags and body sections. Values that were not
/// recorded are absent, never zero.
public struct DayRecord: Sendable {
    /// The day.
    public let date: LocalDate
    /// Numeric front-matter values that were recorded (`energy`, `work_h`, `fever_c`, ...).
    public let numbers: [String: Double]
    /// The `tags:` list.
    public let tags: [String]
    /// `glucose_mgdl` readings.
    public let glucose: [Double]
    /// `## Done` items.
    public let done: [DoneItem]
    /// `## Grateful` items.
    public let grateful: [String]
    /// `## Learned` items.
    public let learned: [String]

    /// Reads a day note; nil when it has no date.
    public init?(note: Note) {
        guard let date = note.date else { return nil }
        self.date = date
        var numbers: [String: Double] = [:]
        for entry in note.frontMatter?.entries ?? [] {
            if let number = entry.value.double, number.isFinite { numbers[entry.key] = number }
        }
        self.numbers = numbers
        tags = note.tags
        glucose = note["glucose_mgdl"]?.list?.compactMap(\.double) ?? note["glucose_mgdl"]?.double.map { [$0] } ?? []
        let sections = MarkdownSection.items(inSections: ["## Done", "## Grateful", "## Learned"], of: note.body)
        done = (sections["## Done"] ?? []).map { DoneItem(line: $0, date: date) }
        grateful = sections["## Grateful"] ?? []
        learned = sections["## Learned"] ?? []
    }

    /// The recorded value of a numeric key.
    public subscript(key: String) -> Double? { numbers[key] }
}
