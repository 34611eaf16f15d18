/// How listed entries are ordered: by a field (`energy`, `-work_h` for descending) or by the
/// derived `date`, `path`, `kind` and `title`. Entries without the field come last either way.
public struct SortOrder: Sendable, Hashable {
    /// The field compared.
    public var field: String
    /// Largest first.
    public var descending: Bool

    /// Default order: by date, then path.
    public static let byDate = SortOrder(field: "date", descending: false)

    /// Creates an order.
    public init(field: String, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    /// Parses `FIELD` or `-FIELD`.
    public init(parsing text: String) {
        if text.hasPrefix("-") {
            self.init(field: String(text.dropFirst()), descending: true)
        } else {
            self.init(field: text, descending: false)
        }
    }

    /// The notes in this order; ties fall back to the path so output is stable.
    public func sorted(_ notes: [Note]) -> [Note] {
        // Positions are sorted, not the notes: moving a note moves a dozen references.
        let keys = notes.map(sortKey)
        return notes.indices.sorted { left, right in
            switch (keys[left], keys[right]) {
            case (nil, nil): return notes[left].path < notes[right].path
            case (nil, _): return false
            case (_, nil): return true
            case (let l?, let r?):
                if l == r { return notes[left].path < notes[right].path }
                return descending ? r < l : l < r
            }
        }.map { notes[$0] }
    }

    private func sortKey(_ note: Note) -> Key? {
        switch field {
        case "path": return .text(note.path)
        case "kind": return .text(note.kind.rawValue)
        case "title": return .text(note.title)
        case "date": return note.date.map { .number(Double($0.dayNumber), nil) }
        default:
            guard let value = note[field], let scalar = value.scalar, !scalar.isNull else { return nil }
            if let number = scalar.double { return .number(number, scalar) }
            if let date = scalar.date { return .number(Double(date.dayNumber), nil) }
            return .text(scalar.text)
        }
    }

    /// A number sorts by its `Double`, which rounding keeps in order; only numbers whose doubles
    /// tie (integers beyond 2^53 that round alike) are told apart by their exact values.
    private enum Key: Comparable {
        case number(Double, YAMLScalar?)
        case text(String)

        static func < (left: Key, right: Key) -> Bool {
            switch (left, right) {
            case let (.number(a, x), .number(b, y)):
                if a != b { return a < b }
                guard let x, let y else { return false }
                return YAMLScalar.numericOrder(x, y) == -1
            case let (.text(a), .text(b)): return a < b
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }

        static func == (left: Key, right: Key) -> Bool { !(left < right) && !(right < left) }
    }
}
