import Foundation
import Testing

/// `hearth review --html FILE` opened in headless Chromium, as a person opens the saved file: on
/// the fixture notebooks of ``ReviewFixtureNotebook`` the page logs nothing to the console, asks
/// the network for nothing, says in its text the figures `hearth review --json` gives for the same
/// range (read from the JSON, never written down here), looks like the committed reference
/// screenshots in the light and the dark scheme, and prints to PDF.
@Suite struct ReviewHTMLBrowserTests {
    /// The figures of `hearth review --json --weeks 52` for `notebook`.
    func reviewJSON(_ notebook: TemporaryNotebook) throws -> [String: Any] {
        let result = try notebook.hearth("review", "--json", "--weeks", "52")
        #expect(result.status == 0, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result.stdout)")
    }

    /// The year fixture holds what each chart is there to show, so a chart cannot pass by being
    /// empty: long weeks, 12-hour days, a cold burner, every done category, the burnout signals,
    /// WHO-5 scores (some low) and closed experiments with a Brier score.
    @Test func theYearFixtureHoldsWhatTheChartsShow() throws {
        let notebook = try TemporaryNotebook()
        notebook.today = ReviewFixtureNotebook.today
        try ReviewFixtureNotebook.writeYear(to: notebook)
        let json = try reviewJSON(notebook)
        let window = try #require(json["window"] as? [String: Any])
        #expect(window["days"] as? Int == 364, "\(window)")
        let logged = try #require(json["logged_days"] as? Int)
        #expect((290...340).contains(logged), "\(logged) logged days")
        let weeks = try #require(json["weeks"] as? [[String: Any]])
        #expect(weeks.filter { $0["risk_55h"] as? Bool == true }.count >= 3, "\(weeks)")
        #expect((json["long_days"] as? [Any])?.isEmpty == false)
        let burners = try #require(json["burners"] as? [[String: Any]])
        #expect(burners.contains { $0["cold"] as? Bool == true }, "\(burners)")
        let done = try #require(json["done"] as? [String: Any])
        let counts = try #require(done["counts"] as? [String: Int])
        #expect(Set(counts.keys).isSuperset(of: ["ship", "learn", "read", "review", "help", "chore"]), "\(counts)")
        let signals = try #require(json["signals"] as? [String: Any])
        #expect((signals["flagged_days"] as? [Any])?.count ?? 0 >= 10, "\(signals)")
        let who5 = try #require(json["who5"] as? [[String: Any]])
        #expect(who5.count >= 10 && who5.contains { $0["low"] as? Bool == true }, "\(who5)")
        let experiments = try #require(json["experiments"] as? [String: Any])
        #expect(experiments["closed"] as? Int == 8 && experiments["open"] as? Int == 1, "\(experiments)")
        #expect(experiments["brier_n"] as? Int == 6 && experiments["brier"] is Double, "\(experiments)")
    }
}
