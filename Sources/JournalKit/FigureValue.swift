/// A figure's exact value as the HTML review carries it for machines: the same number, flag or
/// text `review --json` gives, or nothing for a hidden figure.
enum FigureValue {
    case number(Double?)
    case integer(Int?)
    case flag(Bool?)
    case text(String)

    /// The value attribute: numbers rounded as the JSON rounds them, empty when hidden.
    var attribute: String {
        switch self {
        case .number(let value): return value.map { String(ReviewFormat.figure($0)) } ?? ""
        case .integer(let value): return value.map(String.init) ?? ""
        case .flag(let value): return value.map { $0 ? "true" : "false" } ?? ""
        case .text(let value): return value
        }
    }
}
