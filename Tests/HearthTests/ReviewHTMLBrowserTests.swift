import Foundation
import Testing

/// `hearth review --html FILE` opened in headless Chromium, as a person opens the saved file: on
/// the fixture notebooks of ``ReviewFixtureNotebook`` the page logs nothing to the console, asks
/// the network for nothing, carries and shows the figures `hearth review --json` gives for the
/// same range (read from the JSON, never written down here) in the DOM the browser built, looks
/// like the committed reference screenshots (Fixtures/review-html/) in the light and the dark
/// scheme, and prints to PDF. Two Chromium launches per notebook (light with the PDF, then dark).
@Suite struct ReviewHTMLBrowserTests {
    /// A fixture notebook and the window its whole page fits in (1000 px wide, as a laptop shows it).
    struct Fixture: CustomTestStringConvertible, Sendable {
        let name: String
        let height: Int
        let write: @Sendable (TemporaryNotebook) throws -> Void
        var testDescription: String { name }
    }

    static let fixtures = [
        Fixture(name: "year", height: 8400, write: ReviewFixtureNotebook.writeYear),
        Fixture(name: "nearly-empty", height: 3600, write: ReviewFixtureNotebook.writeNearlyEmpty),
    ]

    /// The sections the page promises (docs: one per chart, each with a text alternative).
    static let sections = ["heatmap", "trends", "hours", "burners", "done", "signals", "who5", "experiments"]

    @Test(arguments: fixtures)
    func thePageInChromium(_ fixture: Fixture) throws {
        let notebook = try TemporaryNotebook()
        notebook.today = ReviewFixtureNotebook.today
        try fixture.write(notebook)
        let page = notebook.base.appendingPathComponent("review.html")
        let written = try notebook.hearth("review", "--html", page.path)
        #expect(written.status == 0, "\(written)")
        let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)
        let json = try reviewTree(notebook)

        let light = try HeadlessChromium(width: 1000, height: fixture.height, scheme: .light, pdf: true).load(page)
        let dark = try HeadlessChromium(width: 1000, height: fixture.height, scheme: .dark).load(page)
        for loaded in [light, dark] {
            #expect(loaded.consoleMessages.isEmpty, "\(loaded.consoleMessages)")
            #expect(loaded.netLog.pageRequests.isEmpty, "\(loaded.netLog.pageRequests)")
            #expect(loaded.netLog.eventCount > 0, "the net log recorded nothing")
        }

        // Every figure the browser found in the page is the JSON's, and none was lost to markup
        // the browser read differently from the file.
        let figures = Self.figures(inDOM: light.dom)
        #expect(figures.count > 100 && figures.count == html.components(separatedBy: "<data data-figure=").count - 1, "\(figures.count)")
        let wrong = figures.filter { figure in json.value(at: figure.path).map { !Self.matches(figure.value, $0) } ?? true }
        let listed = wrong.prefix(20).map { figure in
            "\(figure.path) = \"\(figure.value)\", JSON \(json.value(at: figure.path).map { "\($0)" } ?? "has none")"
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(figures.count) figures are not review --json's: \(listed.joined(separator: "; "))")

        // What a reader sees says the same figures.
        let sections = Self.sectionTexts(light.dom)
        #expect(Set(sections.keys).isSuperset(of: Self.sections), "\(sections.keys.sorted())")
        try expectShownFigures(of: json, in: light.text, sections: sections)

        try ScreenshotReference(path: "Fixtures/review-html/\(fixture.name)-light.png").expectMatch(try #require(light.screenshot))
        try ScreenshotReference(path: "Fixtures/review-html/\(fixture.name)-dark.png").expectMatch(try #require(dark.screenshot))
        let pdf = try #require(light.pdf)
        #expect(pdf.pageCount > 0 && pdf.everyPageIsA4OrLetter, "\(pdf.pageCount) pages, \(pdf.mediaBoxes)")
    }

    /// The key figures of each section as a reader reads them, formatted from the JSON.
    func expectShownFigures(of json: JSONTree, in text: String, sections: [String: String],
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        func expectAny(_ section: String, _ shown: [String]) {
            let sectionText = sections[section] ?? text
            #expect(shown.contains { sectionText.contains($0) }, "\(section) says none of \(shown): \(sectionText.prefix(3000))",
                    sourceLocation: sourceLocation)
        }
        func expect(_ section: String, _ shown: String) { expectAny(section, [shown]) }
        // The JSON carries figures rounded to three decimals, the page shows them rounded further
        // from the exact value: either neighbour of a JSON figure may be what the page shows.
        func either(_ value: Double, _ format: (Double) -> String) -> [String] {
            Array(Set([format(value - 0.0005), format(value), format(value + 0.0005)])).sorted()
        }
        let window = try #require(json["window"])
        let start = try #require(window["start"]?.text), end = try #require(window["end"]?.text)
        #expect(text.contains("Review \(start) to \(end)"), sourceLocation: sourceLocation)
        #expect(text.contains("\(window["days"]?.integer ?? -1) days, \(json["logged_days"]?.integer ?? -1) of them logged"),
                sourceLocation: sourceLocation)
        for level in json["levels"]?.items ?? [] {
            guard let key = level["key"]?.text, let mean = level["mean"]?.number, let n = level["n"]?.integer else { continue }
            expectAny("trends", either(mean, Self.decimal).map { "\(key) \($0) \(n)" })
        }
        for week in json["weeks"]?.items ?? [] where week["risk_55h"]?.flag == true {
            expect("hours", "\(week["week"]?.text ?? "?") \(Self.hours(week["work_h"]?.number ?? -1)) \(week["n"]?.integer ?? -1)")
        }
        for day in json["long_days"]?.items ?? [] {
            expect("hours", "\(day["date"]?.text ?? "?"): \(Self.hours(day["work_h"]?.number ?? -1)) h")
        }
        for burner in json["burners"]?.items ?? [] {
            guard let name = burner["name"]?.text, let n = burner["n"]?.integer, n > 0 else { continue }
            let cold = burner["cold"]?.flag == true ? " \(burner["zero_run"]?.integer ?? -1) cold" : ""
            expectAny("burners", either(burner["share"]?.number ?? -1, Self.percent).map {
                "\(name) \(Self.hours(burner["hours"]?.number ?? -1)) \($0) \(n)" + cold
            })
        }
        let done = try #require(json["done"])
        let total = done["total"]?.integer ?? -1
        expect("done", "\(total) item")
        if case .object(let counts)? = done["counts"] {
            for (category, count) in counts { expect("done", "\(category) \(count.integer ?? -1)") }
        }
        if let share = done["invisible_share"]?.number {
            expectAny("done", either(share, Self.percent).map { "\($0) (\(done["invisible"]?.integer ?? -1) of \(total) items)" })
        }
        let signals = try #require(json["signals"])
        expect("signals", "not a diagnosis")
        expect("signals", "\(signals["flagged_days"]?.items.count ?? -1) of \(signals["n"]?.integer ?? -1) rated days")
        for day in signals["flagged_days"]?.items ?? [] { expect("signals", day.text ?? "?") }
        for score in json["who5"]?.items ?? [] {
            expect("who5", "\(score["week"]?.text ?? "?") \(score["percent"]?.integer ?? -1)% \(score["raw"]?.integer ?? -1)/25")
        }
        let experiments = try #require(json["experiments"])
        expect("experiments", "\(experiments["closed"]?.integer ?? -1) closed, \(experiments["open"]?.integer ?? -1) open")
        if let brier = experiments["brier"]?.number {
            expectAny("experiments", either(brier, Self.twoDecimals).map { "\($0) \(experiments["brier_n"]?.integer ?? -1)" })
        }
    }

    /// `hearth review --json` for the range `--html` reviews by default (the last 52 weeks).
    func reviewTree(_ notebook: TemporaryNotebook) throws -> JSONTree {
        let result = try notebook.hearth("review", "--json", "--weeks", "52")
        #expect(result.status == 0, "\(result)")
        return try JSONDecoder().decode(JSONTree.self, from: result.stdoutData)
    }

    /// One `<data data-figure="PATH" value="VALUE">` element of the page, as the browser's DOM holds it.
    struct Figure {
        let path: String
        let value: String
    }

    /// Every figure element in the serialised DOM.
    static func figures(inDOM dom: String) -> [Figure] {
        dom.components(separatedBy: "<data ").dropFirst().compactMap { element in
            guard let close = element.firstIndex(of: ">") else { return nil }
            let attributes = String(element[..<close])
            guard let path = attribute("data-figure", in: attributes), let value = attribute("value", in: attributes) else { return nil }
            return Figure(path: path, value: value)
        }
    }

    /// The value of `name="..."` in an element's attributes, entities decoded.
    static func attribute(_ name: String, in attributes: String) -> String? {
        guard let start = (" " + attributes).range(of: " \(name)=\"") else { return nil }
        let rest = (" " + attributes)[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return ChromiumPage.decodeEntities(String(rest[..<end]))
    }

    /// Whether a figure's value attribute says what the JSON says (empty for null).
    static func matches(_ value: String, _ json: JSONTree) -> Bool {
        switch json {
        case .null: return value.isEmpty
        case .flag(let flag): return value == (flag ? "true" : "false")
        case .number(let number): return Double(value) == number
        case .text(let text): return value == text
        case .array, .object: return false
        }
    }

    /// The text of each `<section id=...>` of the DOM, by id.
    static func sectionTexts(_ dom: String) -> [String: String] {
        var sections: [String: String] = [:]
        for part in dom.components(separatedBy: "<section id=\"").dropFirst() {
            guard let quote = part.firstIndex(of: "\"") else { continue }
            let body = part.components(separatedBy: "</section>").first ?? ""
            sections[String(part[..<quote])] = ChromiumPage.text(ofMarkup: "<x " + body)
        }
        return sections
    }

    // Figures as the page shows them: levels with one decimal, hours without a needless one,
    // shares in whole percent, Brier scores with two decimals.
    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }
    static func hours(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(format: "%.1f", tenths)
    }
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
    static func twoDecimals(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The year fixture holds what each chart is there to show, so a chart cannot pass by being
    /// empty: long weeks, 12-hour days, a cold burner, every done category, the burnout signals,
    /// WHO-5 scores (some low) and closed experiments with a Brier score.
    @Test func theYearFixtureHoldsWhatTheChartsShow() throws {
        let notebook = try TemporaryNotebook()
        notebook.today = ReviewFixtureNotebook.today
        try ReviewFixtureNotebook.writeYear(to: notebook)
        let json = try reviewTree(notebook)
        #expect(json["window"]?["days"]?.integer == 364, "\(String(describing: json["window"]))")
        let logged = try #require(json["logged_days"]?.integer)
        #expect((290...340).contains(logged), "\(logged) logged days")
        #expect((json["weeks"]?.items ?? []).filter { $0["risk_55h"]?.flag == true }.count >= 3)
        #expect(json["long_days"]?.items.isEmpty == false)
        #expect((json["burners"]?.items ?? []).contains { $0["cold"]?.flag == true }, "\(String(describing: json["burners"]))")
        guard case .object(let counts)? = json["done"]?["counts"] else {
            Issue.record("no done counts")
            return
        }
        #expect(Set(counts.keys).isSuperset(of: ["ship", "learn", "read", "review", "help", "chore"]), "\(counts.keys)")
        #expect(json["signals"]?["flagged_days"]?.items.count ?? 0 >= 10)
        let who5 = json["who5"]?.items ?? []
        #expect(who5.count >= 10 && who5.contains { $0["low"]?.flag == true }, "\(who5)")
        let experiments = try #require(json["experiments"])
        #expect(experiments["closed"]?.integer == 8 && experiments["open"]?.integer == 1, "\(experiments)")
        #expect(experiments["brier_n"]?.integer == 6 && experiments["brier"]?.number != nil, "\(experiments)")
    }
}
