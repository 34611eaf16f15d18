import Foundation
import TestSupport
import Testing

/// `hearth review --html` end to end with the built binary: every figure of `review --json` for
/// the same range is in the page with the same value, the page is self-contained, and the file
/// is written where and only where it is safe to. (The page in a browser: ReviewHTMLBrowserTests.)
@Suite struct ReviewHTMLCommandTests {
    /// The 52 weeks `--html` reviews by default when today is 2026-11-22.
    static let defaultName = "review-2025-11-24-to-2026-11-22.html"

    /// The JSON keys the picture shows; `levels.*.series` (the daily values behind the levels, which
    /// the page draws as weekly means and the heatmap) aside. Gratitude, health, factors and
    /// correlations stay in the terminal review.
    static let pictureKeys: Set = ["window", "logged_days", "levels", "weeks", "long_days", "burners", "done", "signals",
                                   "who5", "experiments", "weekly", "heatmap"]

    /// The fixture notebook, plus a day whose done items and a user field would break a page that
    /// did not escape them.
    func notebook() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook()
        try FileManager.default.copyItem(at: ReviewCommandTests.fixture, to: notebook.root)
        try notebook.write("days/2026/2026-11-19.md", """
            ---
            kind: day
            date: 2026-11-19
            energy: 2
            work_h: 11.5
            steps: 8042
            ---
            ## Done
            - ship: <b>bold</b> & "quoted" 'single' </title><script>alert(1)</script>
            - learn: https://example.com/paper // read it

            """)
        return notebook
    }

    // MARK: - Comparing the page with the JSON

    /// Every leaf of `value` by its path: object keys joined by dots, list items by their `week`,
    /// `name`, `key` or `date` (that field itself left out), else by their index. Null is "",
    /// flags "true" and "false", numbers as Double.
    static func leaves(_ value: Any, _ path: String = "", into result: inout [String: String]) {
        func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        switch value {
        case let object as [String: Any]:
            for (key, item) in object { leaves(item, child(key), into: &result) }
        case let list as [Any]:
            for (index, item) in list.enumerated() {
                if let object = item as? [String: Any],
                   let identity = ["week", "name", "key", "date"].first(where: { object[$0] is String }) {
                    var rest = object
                    rest[identity] = nil
                    leaves(rest, child(object[identity] as! String), into: &result)
                } else {
                    leaves(item, child(String(index)), into: &result)
                }
            }
        case is NSNull:
            result[path] = ""
        case let text as String:
            result[path] = text
        case let number as NSNumber:
            // JSONSerialization gives true and false as its own boolean NSNumber (__NSCFBoolean).
            if String(describing: type(of: number)).contains("Boolean") {
                result[path] = number.boolValue ? "true" : "false"
            } else {
                result[path] = String(number.doubleValue)
            }
        default:
            result[path] = "\(value)"
        }
    }

    /// The page's `<data data-figure=... value=...>` figures, values unescaped and numbers as Double;
    /// a path given twice is reported as a difference.
    static func figures(in page: String, duplicates: inout [String]) -> [String: String] {
        var result: [String: String] = [:]
        var rest = page[...]
        let opening = "<data data-figure=\""
        while let start = rest.range(of: opening) {
            rest = rest[start.upperBound...]
            guard let pathEnd = rest.firstIndex(of: "\"") else { break }
            let path = unescape(String(rest[..<pathEnd]))
            rest = rest[pathEnd...]
            guard rest.hasPrefix("\" value=\"") else { break }
            rest = rest.dropFirst(9)
            guard let valueEnd = rest.firstIndex(of: "\"") else { break }
            var value = unescape(String(rest[..<valueEnd]))
            if let number = Double(value), !["true", "false"].contains(value) { value = String(number) }
            if result[path] != nil { duplicates.append(path) }
            result[path] = value
            rest = rest[valueEnd...]
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// What differs between the JSON's figures (of ``pictureKeys``) and the page's: missing,
    /// different, duplicated or extra figures, one line each; empty when they agree.
    static func differences(json: Data, page: String) throws -> [String] {
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        var expected: [String: String] = [:]
        for key in pictureKeys {
            let value = try #require(root[key], "review --json has no \(key)")
            leaves(value, key, into: &expected)
        }
        for path in expected.keys where path.hasPrefix("levels.") && path.contains(".series.") { expected[path] = nil }
        var duplicates: [String] = []
        let shown = figures(in: page, duplicates: &duplicates)
        var differences = duplicates.map { "twice in the page: \($0)" }
        for (path, value) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = shown[path] else {
                differences.append("missing from the page: \(path) = \(value)")
                continue
            }
            if actual != value { differences.append("\(path): json \(value), page \(actual)") }
        }
        for path in shown.keys.sorted() where expected[path] == nil { differences.append("not in the json: \(path)") }
        return differences
    }

    // MARK: - The figures

    @Test func everyFigureOfTheJSONIsInThePageWithTheSameValue() throws {
        let notebook = try notebook()
        for field in ["energy", "work_h", "steps"] {
            let page = try notebook.hearth("review", "--html", "-", "--weeks", "52", "--field", field)
            #expect(page.status == 0 && page.stderr.isEmpty, "\(page.stderr)")
            // --html's 52 weeks are --weeks 52.
            let json = try notebook.hearth("review", "--json", "--weeks", "52", "--field", field)
            #expect(json.status == 0, "\(json)")
            let differences = try Self.differences(json: json.stdoutData, page: page.stdout)
            #expect(differences.isEmpty, "\(field): \(differences.prefix(20))")
            // Enough was compared to mean something: every week, every logged day, the experiments.
            var duplicates: [String] = []
            let shown = Self.figures(in: page.stdout, duplicates: &duplicates)
            #expect(shown.count > 1000, "\(shown.count)")
            #expect(shown["heatmap.field"] == field)
            #expect(shown["weekly.2026-W47.levels.energy.mean"] == "2.143")  // (13 + 2) / 7
            #expect(shown["experiments.brier"] == "0.297")
            #expect(shown["burners.friends.cold"] == "true")
            #expect(shown["who5.2026-W47.percent"] == "40.0")
        }
    }

    @Test func theComparisonFailsWhenAFigureIsChangedDroppedOrAdded() throws {
        let notebook = try notebook()
        let page = try notebook.hearth("review", "--html", "-").stdout
        let json = try notebook.hearth("review", "--json", "--weeks", "52").stdoutData
        #expect(try Self.differences(json: json, page: page).isEmpty)
        let figure = "<data data-figure=\"weekly.2026-W47.levels.energy.mean\" value=\""
        #expect(page.contains(figure + "2.143\">2.1</data>"))
        let changed = page.replacingOccurrences(of: figure + "2.143\"", with: figure + "2.5\"")
        #expect(try Self.differences(json: json, page: changed) == ["weekly.2026-W47.levels.energy.mean: json 2.143, page 2.5"])
        let item = "weekly.2026-W47.done.days.2026-11-19.items.0"
        let dropped = page.replacingOccurrences(of: "data-figure=\"\(item)\"", with: "data-figure=\"gone\"")
        #expect(try Self.differences(json: json, page: dropped).sorted() == [
            "missing from the page: \(item) = ship: <b>bold</b> & \"quoted\" 'single' </title><script>alert(1)</script>",
            "not in the json: gone",
        ])
        let hidden = page.replacingOccurrences(of: "<data data-figure=\"experiments.brier\" value=\"0.297\"",
                                               with: "<data data-figure=\"experiments.brier\" value=\"\"")
        #expect(try Self.differences(json: json, page: hidden) == ["experiments.brier: json 0.297, page "])
    }

    @Test func thePageIsSelfContainedAndEscapesWhatTheUserWrote() throws {
        let notebook = try notebook()
        let result = try notebook.hearth("review", "--html", "-")
        let page = result.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>\n"))
        #expect(page.contains("<meta name=\"generator\" content=\"hearth "))
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("<b>bold"))
        #expect(page.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;single&#39; &lt;/title&gt;&lt;script&gt;"))
        // No address of any network: the one URL the user wrote is text, never a link or a resource.
        let withoutUserText = page.replacingOccurrences(of: "https://example.com/paper // read it", with: "")
        #expect(!withoutUserText.contains("http"))
        #expect(!withoutUserText.contains("//"))
        #expect(!page.contains("href=") && !page.contains("src=") && !page.contains("url("))
        for id in ["heatmap", "trends", "hours", "burners", "done", "signals", "who5", "experiments"] {
            #expect(page.contains("<section id=\"\(id)\">"), "\(id)")
        }
        #expect(page.contains("<h2>Signals (not a diagnosis)</h2>"))
        // The same notebook and day give the same bytes.
        #expect(try notebook.hearth("review", "--html", "-").stdoutData == result.stdoutData)
    }

    // MARK: - The file

    @Test func theDefaultFileIsNamedAfterTheRangeInTheCurrentFolderAndReplacedOnlyWhenHearthWroteIt() throws {
        let notebook = try notebook()
        let folder = notebook.base.appendingPathComponent("out", isDirectory: true)
        let environment = ["HEARTH_NOTEBOOK": notebook.root.path]
        let written = try notebook.hearth("review", "--html", in: folder, environment: environment)
        #expect(written.status == 0, "\(written)")
        let path = folder.appendingPathComponent(Self.defaultName).path
        #expect(written.stdout == path + "\n")
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page == (try notebook.hearth("review", "--html", "-")).stdout)
        // Its own page is replaced (here by a review of another field).
        let again = try notebook.hearth("review", "--html", "--field", "work_h", in: folder, environment: environment)
        #expect(again.status == 0, "\(again)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("data-figure=\"heatmap.field\" value=\"work_h\""))
        // A file of the user's is not, and nothing else is left behind.
        let mine = folder.appendingPathComponent("mine.html")
        try Data("<!DOCTYPE html>\n<p>my own page</p>\n".utf8).write(to: mine)
        let refused = try notebook.hearth("review", "--html", "mine.html", in: folder, environment: environment)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains(mine.path) && refused.stderr.contains("not a review page hearth wrote"), "\(refused.stderr)")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "<!DOCTYPE html>\n<p>my own page</p>\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["mine.html", Self.defaultName], "\(left)")
        // A range names its own file.
        let month = try notebook.hearth("review", "--html", "--month", in: folder, environment: environment)
        #expect(month.stdout == folder.appendingPathComponent("review-2026-10-24-to-2026-11-22.html").path + "\n", "\(month)")
    }

    @Test func aPageInsideTheNotebookIsWrittenOnlyWhereGitIgnoresIt() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        // hearth init ignores the default names, so the page can be written in the notebook.
        #expect(try notebook.text(".gitignore").contains("\nreview-*-to-*.html\n"))
        let byDefault = try notebook.hearth("review", "--html")
        #expect(byDefault.status == 0, "\(byDefault)")
        #expect(notebook.exists(Self.defaultName))
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        // Another name would be committed by the next sync: refused, nothing written.
        let refused = try notebook.hearth("review", "--html", "year.html")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("year.html") && refused.stderr.contains("sync commits every file"), "\(refused.stderr)")
        #expect(!notebook.exists("year.html"))
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        try notebook.write(".gitignore", try notebook.text(".gitignore") + "year.html\n")
        let ignored = try notebook.hearth("review", "--html", "year.html")
        #expect(ignored.status == 0, "\(ignored)")
        #expect(notebook.exists("year.html"))
        #expect(try notebook.git("status", "--porcelain").stdout == " M .gitignore\n")
    }

    /// A notebook of plain files has no git to ask: only a default name, which `hearth init`
    /// will ignore, is written there; the first commit leaves it out.
    @Test func aNotebookWithoutARepositoryTakesOnlyADefaultName() throws {
        let notebook = try notebook()
        #expect(!notebook.exists(".git"))
        let refused = try notebook.hearth("review", "--html", "year.html")
        #expect(refused.status == 1 && refused.stderr.contains("sync commits every file"), "\(refused)")
        #expect(!notebook.exists("year.html"))
        try notebook.hearth("review", "--html").requireSuccess()
        #expect(notebook.exists(Self.defaultName))
        try notebook.hearth("init", ".").requireSuccess()
        let tracked = try notebook.git("ls-files").requireSuccess().stdout
        #expect(!tracked.contains("review-") && tracked.contains("days/2026/2026-11-19.md"), "\(tracked)")
    }

    @Test func aMissingFolderIsNamedWithWhatToDo() throws {
        let notebook = try notebook()
        let before = try notebook.snapshot()
        let missing = notebook.base.appendingPathComponent("no-such-folder/year.html").path
        let result = try notebook.hearth("review", "--html", missing)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("the folder \(notebook.base.path)/no-such-folder does not exist; create it (mkdir -p"), "\(result.stderr)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func standardOutputWritesNoFile() throws {
        let notebook = try notebook()
        let before = try notebook.snapshot()
        let result = try notebook.hearth("review", "--html", "-")
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("</html>\n"))
        #expect(try notebook.snapshot() == before)
    }

    // MARK: - Usage

    @Test func usageMistakesExitTwoAndChangeNothing() throws {
        let notebook = try notebook()
        let before = try notebook.snapshot()
        let unknown = try notebook.hearth("review", "--html", "-", "--field", "happiness")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--field 'happiness' is not a numeric day field"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("energy") && unknown.stderr.contains("work_h") && unknown.stderr.contains("steps"))
        let text = try notebook.hearth("review", "--json", "--field", "tags")
        #expect(text.status == 2 && text.stderr.contains("'tags'"), "\(text)")
        for other in ["--json", "--md", "--write", "--brag"] {
            let both = try notebook.hearth("review", "--html", other, "--since", "2026-11-01")
            #expect(both.status == 2 && both.stderr.contains("choose one of --html and \(other)"), "\(other): \(both)")
        }
        let fileAlone = try notebook.hearth("review", "page.html")
        #expect(fileAlone.status == 2 && fileAlone.stderr.contains("--html page.html"), "\(fileAlone)")
        let twoRanges = try notebook.hearth("review", "--html", "-", "--year", "--month")
        #expect(twoRanges.status == 2, "\(twoRanges)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func weekIsTheLast7DaysForThePageToo() throws {
        let notebook = try notebook()
        let page = try notebook.hearth("review", "--html", "-", "--week").stdout
        #expect(page.contains("<title>Review 2026-11-16 to 2026-11-22</title>"), "\(page.prefix(400))")
    }

    /// A number too large for an integer (a typo, an importer's mistake) is shown as it is, in
    /// the heatmap and the hours, rather than crashing the page or turning into "not recorded".
    @Test func aHugeValueIsShownNotTrapped() throws {
        let notebook = try notebook()
        try notebook.write("days/2026/2026-11-18.md", "---\nkind: day\ndate: 2026-11-18\nsteps: 1e19\nwork_h: 2e19\nenergy: 3\n---\n")
        for field in ["steps", "work_h"] {
            let page = try notebook.hearth("review", "--html", "-", "--weeks", "52", "--field", field)
            #expect(page.status == 0, "\(field): \(page.stderr)")
            let json = try notebook.hearth("review", "--json", "--weeks", "52", "--field", field)
            #expect(json.status == 0)
            let differences = try Self.differences(json: json.stdoutData, page: page.stdout)
            #expect(differences.isEmpty, "\(differences.prefix(5))")
            let root = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
            let days = try #require((root["heatmap"] as? [String: Any])?["days"] as? [[String: Any]])
            let huge = days.first { $0["date"] as? String == "2026-11-18" }
            #expect((huge?["value"] as? Double).map { $0 > 1e18 } == true, "\(String(describing: huge))")
        }
        #expect(try notebook.hearth("review").status == 0)
    }

    @Test func yearIsTheLast365DaysForEveryOutput() throws {
        let notebook = try notebook()
        let json = try notebook.hearth("review", "--json", "--year")
        let root = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let window = try #require(root["window"] as? [String: Any])
        #expect(window["start"] as? String == "2025-11-23" && window["days"] as? Int == 365)
        let page = try notebook.hearth("review", "--html", "-", "--year").stdout
        #expect(page.contains("<title>Review 2025-11-23 to 2026-11-22</title>"))
        #expect(try notebook.hearth("review", "--year").stdout.hasPrefix("Review 2025-11-23 to 2026-11-22 (365 days)"))
    }
}
