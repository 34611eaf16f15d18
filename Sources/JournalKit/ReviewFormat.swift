import NoteKit

/// Number and label formatting shared by every review rendering, so the terminal, Markdown and
/// the tests print figures the same way.
public enum ReviewFormat {
    /// A figure as `review --json` carries it and the HTML page's machine-readable values repeat
    /// it: rounded to three decimals, so both say exactly the same number.
    public static func figure(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// One decimal (`3.2`), as levels are shown.
    public static func decimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = String(rounded)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) + ".0" : text
    }

    /// A signed change with one decimal (`+0.4`, `-1.2`, `0.0`).
    public static func signed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == 0 { return "0.0" }
        return (rounded > 0 ? "+" : "") + decimal(rounded)
    }

    /// Hours as written in entries: no decimal when whole (`52`, `52.5`).
    public static func hours(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A share in whole percent (`45%`).
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// Two decimals (`0.18`), for Brier scores and correlations.
    public static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// An 8-level sparkline of one value per day; a missing day is a space, never a zero. Bounded
    /// scales are drawn against the scale, not the data's own range.
    public static func sparkline(_ series: [Double?], scale: ClosedRange<Double>) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(series.map { value -> Character in
            guard let value else { return " " }
            let clamped = min(max(value, scale.lowerBound), scale.upperBound)
            let position = (clamped - scale.lowerBound) / (scale.upperBound - scale.lowerBound)
            return bars[min(7, Int((position * 7).rounded()))]
        })
    }
}
