import NoteKit

/// The review as a picture: `hearth review --html`. One self-contained page, inline CSS and SVG
/// only (no script, no font, no image, no address of any network), with a calendar heatmap,
/// weekly trends, hours, burners, the done list, signals, WHO-5 and experiments. Every figure is
/// the ``Review``'s, formatted with ``ReviewFormat``, and each is also carried exactly, as
/// `review --json` gives it, in a `<data value=... data-figure=...>` element of the charts'
/// text alternatives. The same review always gives the same bytes.
public enum ReviewHTML {
    /// The `<meta name="generator">` content of every page, which marks a file as one hearth
    /// wrote (and may replace).
    public static let generatorPrefix = "hearth"

    /// The whole page. `generator` names the program and version for the generator marker.
    public static func render(_ review: Review, generator: String = generatorPrefix) -> String {
        var html = HTMLWriter(capacity: 64_000 + review.window.count * 600)
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.raw("<meta name=\"generator\" content=\"")
        html.text(generator)
        html.raw("\"><meta name=\"color-scheme\" content=\"light dark\"><title>Review \(review.window.start) to \(review.window.end)</title>\n<style>\n")
        html.raw(ReviewHTMLStyle.css)
        html.raw("\n</style></head>\n<body>\n")
        header(review, into: &html)
        HeatmapChart.render(review, into: &html)
        TrendChart.render(review, into: &html)
        HoursChart.render(review, into: &html)
        BurnersChart.render(review, into: &html)
        DoneChart.render(review, into: &html)
        SignalsSection.render(review, into: &html)
        WHO5Section.render(review, into: &html)
        ExperimentsSection.render(review, into: &html)
        html.raw("<footer><p class=\"muted\">Computed from the notebook's own files on this computer; this page loads nothing from any network. Every figure carries its n and is hidden below its minimum.</p></footer>\n</body></html>\n")
        return html.out
    }

    /// Whether `bytes` are a page this renderer wrote (its generator marker near the top), which
    /// a new review may replace; any other file is the user's and must not be.
    public static func isPage(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self)
        return head.hasPrefix("<!DOCTYPE html>") && head.contains("<meta name=\"generator\" content=\"\(generatorPrefix)")
    }

    private static func header(_ review: Review, into html: inout HTMLWriter) {
        html.raw("<header><h1>Review ")
        html.figure("window.start", .text(review.window.start.description), review.window.start.description)
        html.raw(" to ")
        html.figure("window.end", .text(review.window.end.description), review.window.end.description)
        html.raw("</h1><p>")
        html.figure("window.days", .integer(review.window.count), "\(review.window.count)")
        html.raw(" days, ")
        html.figure("logged_days", .integer(review.loggedDays), "\(review.loggedDays)")
        html.raw(" of them logged; compared with \(review.previous.start) to \(review.previous.end).</p></header>\n")
    }

    /// How a figure below its minimum is shown: a dash when nothing was recorded, else the n it
    /// would rest on and the n it needs.
    static func hidden(_ count: Int, _ minimum: Int) -> String {
        count == 0 ? "–" : "hidden (n=\(count), needs \(minimum))"
    }
}
