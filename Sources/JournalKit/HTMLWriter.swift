/// The HTML review's output buffer: one growing string, escaping for text and attributes, and
/// the machine-readable figures (`<data value=... data-figure=...>`) the tests compare with
/// `review --json`. The page is built by appending, never by concatenating large pieces.
struct HTMLWriter {
    private(set) var out = ""

    init(capacity: Int) { out.reserveCapacity(capacity) }

    /// Markup written as is.
    mutating func raw(_ markup: String) { out += markup }

    /// Text from anywhere (the user's tags, done items, experiment text) escaped for an element's
    /// content or a quoted attribute.
    mutating func text(_ text: String) { out += Self.escape(text) }

    /// `text` with `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// One figure of `review --json` at `path` (keys joined by dots, list items by their week,
    /// name, key or date, else their index): its exact value for machines, `shown` for people.
    /// A hidden figure (nil) has an empty value.
    mutating func figure(_ path: String, _ value: FigureValue, _ shown: String) {
        out += "<data data-figure=\""
        out += Self.escape(path)
        out += "\" value=\""
        out += Self.escape(value.attribute)
        out += "\">"
        out += Self.escape(shown)
        out += "</data>"
    }

    /// A table cell holding one figure (see ``figure(_:_:_:)``); `left` aligns text to the left.
    mutating func cell(_ path: String, _ value: FigureValue, _ shown: String, left: Bool = false) {
        out += left ? "<td class=\"t\">" : "<td>"
        figure(path, value, shown)
        out += "</td>"
    }

    /// A coordinate with at most one decimal, short and deterministic.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
