import Foundation
@testable import JournalKit
import NoteKit
import Testing

/// The HTML review's content, without a browser: what the user wrote is escaped, days and weeks
/// not recorded stay gaps, hidden figures say so, cold burners are named, and the page is one
/// self-contained, deterministic document.
@Suite struct ReviewHTMLTests {
    /// A day entry for `date` with front-matter `fields` and `done` items.
    static func day(_ date: String, _ fields: String, done: [String] = []) throws -> Note {
        let body = done.isEmpty ? "" : "## Done\n" + done.map { "- \($0)\n" }.joined()
        let year = date.prefix(4)
        return try Note(parsing: "---\nkind: day\ndate: \(date)\n\(fields)\n---\n\(body)", path: "days/\(year)/\(date).md")
    }

    static func review(_ notes: [Note], window: DateRange, field: String = "energy") -> Review {
        ReviewCalculator(notes: notes, today: window.end, weeklyTarget: 40).review(window: window, heatmapField: field)
    }

    /// The `value` of the `<data data-figure="path">` element, nil when the page has none.
    static func figure(_ path: String, in page: String) -> String? {
        guard let start = page.range(of: "<data data-figure=\"\(path)\" value=\"") else { return nil }
        let rest = page[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Monday 2026-11-02 to Sunday 2026-11-22: three ISO weeks, W45 to W47.
    static let threeWeeks = DateRange(start: .d("2026-11-02"), end: .d("2026-11-22"))

    @Test func textFromTheNotebookIsEscapedEverywhere() throws {
        let hostile = #"ship: <img src=x onerror="alert(1)"> & </title><script>alert('x')</script>"#
        let page = ReviewHTML.render(Self.review([try Self.day("2026-11-20", "energy: 3", done: [hostile, "learn: a < b"])],
                                                  window: Self.threeWeeks))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("</title><script"))
        #expect(page.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("a &lt; b"))
        // The item's exact text is the figure's value, as review --json lists it.
        #expect(Self.figure("done.low_efficacy_days", in: page) == nil)
        #expect(Self.figure("weekly.2026-W47.done.days.2026-11-20.items.1", in: page) == "learn: a &lt; b")
    }

    @Test func weeksAndDaysNotRecordedAreGapsNotZeros() throws {
        // W45 and W47 have energy on three days each; W46 nothing at all.
        let notes = try ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-16", "2026-11-17", "2026-11-18"]
            .map { try Self.day($0, "energy: 4\nwork_h: 8") }
        let page = ReviewHTML.render(Self.review(notes, window: Self.threeWeeks))
        #expect(Self.figure("weekly.2026-W45.levels.energy.mean", in: page) == "4.0")
        #expect(Self.figure("weekly.2026-W46.levels.energy.mean", in: page) == "")
        #expect(Self.figure("weekly.2026-W46.levels.energy.n", in: page) == "0")
        #expect(Self.figure("weekly.2026-W46.burners.work.hours", in: page) == "")
        // The energy line is two pieces: it restarts (M) after the gap instead of dropping to 0.
        let energyPath = try #require(page.range(of: "<path class=\"trend c-orange\" style=\"fill:none\" d=\""))
        let d = page[energyPath.upperBound...].prefix { $0 != "\"" }
        #expect(d.filter { $0 == "M" }.count == 2, "\(d)")
        // Not logged is an outline, never a coloured square; only logged days have a value.
        #expect(page.contains("<title>2026-11-10: not logged</title>"))
        #expect(Self.figure("heatmap.days.2026-11-10.value", in: page) == nil)
        #expect(Self.figure("heatmap.days.2026-11-16.value", in: page) == "4.0")
        // A logged day without the field is its own kind of square.
        let withoutEnergy = ReviewHTML.render(Self.review([try Self.day("2026-11-10", "work_h: 9")], window: Self.threeWeeks))
        #expect(withoutEnergy.contains("class=\"noval\"><title>2026-11-10: logged, no energy</title>"))
        #expect(Self.figure("heatmap.days.2026-11-10.value", in: withoutEnergy) == "")
    }

    @Test func figuresBelowTheirMinimumAreShownAsHidden() throws {
        // Two energy values in W47: a weekly mean needs three.
        let notes = try [Self.day("2026-11-16", "energy: 2\nexhaustion: 3\ncynicism: 2\nefficacy: 1"), Self.day("2026-11-17", "energy: 5")]
        let page = ReviewHTML.render(Self.review(notes, window: Self.threeWeeks))
        #expect(Self.figure("weekly.2026-W47.levels.energy.mean", in: page) == "")
        #expect(Self.figure("weekly.2026-W47.levels.energy.n", in: page) == "2")
        #expect(page.contains("value=\"\">hidden (n=2, needs 3)</data>"))
        #expect(Self.figure("levels.energy.mean", in: page) == "")
        #expect(Self.figure("done.invisible_share", in: page) == "")
        #expect(Self.figure("experiments.brier", in: page) == "")
        #expect(page.contains("<h2>Signals (not a diagnosis)</h2>"))
        #expect(Self.figure("signals.flagged_days.0", in: page) == "2026-11-16")
    }

    @Test func coldBurnersAreNamed() throws {
        let notes = try (9...22).map { try Self.day("2026-11-\($0 < 10 ? "0" : "")\($0)", "work_h: 10\nfamily_h: 1\nfriends_h: 0\nhealth_h: \($0 % 2)") }
        let page = ReviewHTML.render(Self.review(notes, window: Self.threeWeeks))
        #expect(page.contains("<p class=\"warn\">Cold: friends (14 logged days at zero)</p>"), "\(page)")
        #expect(Self.figure("burners.friends.cold", in: page) == "true")
        #expect(Self.figure("burners.family.cold", in: page) == "false")
        #expect(Self.figure("weekly.2026-W46.burners.friends.hours", in: page) == "0.0")
    }

    @Test func anEmptyNotebookGivesACompletePageWithNothingInvented() throws {
        let page = ReviewHTML.render(Self.review([], window: DateRange(days: 364, endingOn: .d("2026-11-22"))))
        for id in ["heatmap", "trends", "hours", "burners", "done", "signals", "who5", "experiments"] {
            #expect(page.contains("<section id=\"\(id)\">"), "\(id)")
        }
        #expect(Self.figure("logged_days", in: page) == "0")
        #expect(!page.contains("<circle"))
        #expect(!page.contains("class=\"bar "))
        #expect(!page.contains("class=\"h0\"") && !page.contains("class=\"h4\""))
        #expect(page.contains("No day of the range records energy."))
        #expect(Self.figure("burners.work.share", in: page) == "")
    }

    @Test func thePageIsSelfContainedAndDeterministic() throws {
        let notes = try (2...22).map { try Self.day("2026-11-\($0 < 10 ? "0" : "")\($0)", "energy: \($0 % 5 + 1)\nmood: 3\nsleep_h: 7", done: ["ship: x \($0)"]) }
        let review = Self.review(notes, window: Self.threeWeeks)
        let page = ReviewHTML.render(review, generator: "hearth 0.1.0")
        #expect(page == ReviewHTML.render(review, generator: "hearth 0.1.0"))
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("http") && !page.contains("//") && !page.contains("url("))
        #expect(page.contains("@media (prefers-color-scheme:dark)") && page.contains("@media print") && page.contains("@page"))
        #expect(ReviewHTML.isPage(Array(page.utf8)))
        #expect(!ReviewHTML.isPage(Array("<!DOCTYPE html><html><head><title>mine</title>".utf8)))
    }

    @Test func theHeatmapDrawsTheChosenField() throws {
        let notes = try [Self.day("2026-11-20", "energy: 3\nwork_h: 13.5"), Self.day("2026-11-21", "energy: 2\nwork_h: 2")]
        let review = Self.review(notes, window: Self.threeWeeks, field: "work_h")
        #expect(review.heatmap.scale == 2...13.5)
        let page = ReviewHTML.render(review)
        #expect(Self.figure("heatmap.field", in: page) == "work_h")
        #expect(Self.figure("heatmap.days.2026-11-20.value", in: page) == "13.5")
        #expect(page.contains("class=\"h4\"><title>2026-11-20: work_h 13.5</title>"))
        #expect(page.contains("class=\"h0\"><title>2026-11-21: work_h 2</title>"))
        let fields = ReviewCalculator(notes: notes + [try Self.day("2026-11-19", "steps: 9000\nnote_text: hello")],
                                      today: .d("2026-11-22"), weeklyTarget: nil).heatmapFields
        #expect(fields.contains("steps") && fields.contains("work_h") && fields.contains("energy"))
        #expect(!fields.contains("note_text") && !fields.contains("sick") && !fields.contains("glucose_mgdl"))
    }
}
