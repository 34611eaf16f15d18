import ArgumentParser
import Foundation
import JournalKit
import NoteKit

/// `hearth review [--week | --weeks N | --month | --year | --since D --until D] [--json | --md | --html [FILE]] [--field KEY] [--write] [--brag]`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "What you did and how you are doing, with numbers.",
        discussion: """
            Reviews the last 7 days by default, compared with the 7 before. Every figure shows the number \
            of values it rests on and is hidden below its minimum. --write creates this week's entry \
            (weeks/YYYY/YYYY-Www.md) prefilled with the recap, never overwriting one, and prints the \
            five WHO-5 questions and their 0-5 scale on stderr while its who5 is empty; --brag prints the \
            done items since --since grouped by category, as Markdown.
            --html writes the review as a picture: one self-contained page (inline CSS and SVG, no \
            script, nothing loaded from any network) with a calendar heatmap of --field (default \
            energy), weekly trends of energy, mood and sleep, hours against the target and the 55 h \
            line, the four burners, the done list by category, burnout signals, WHO-5 and \
            experiments. It reviews the last 52 weeks unless a range is given, and writes \
            review-START-to-END.html in the current folder, or FILE (- prints the page). It replaces \
            only a page it wrote itself and writes nothing inside the notebook unless git ignores \
            the file there (sync would commit it; hearth init ignores the default names); the path \
            written is printed.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "The last 7 days (the default).")
    var week = false

    @Option(help: "The last N weeks.")
    var weeks: Int?

    @Flag(help: "The last 30 days.")
    var month = false

    @Flag(help: "The last 365 days.")
    var year = false

    @Option(help: "The first day reviewed (YYYY-MM-DD, 2 weeks ago, last week: its Monday...).")
    var since: String?

    @Option(help: "The last day reviewed (YYYY-MM-DD, yesterday, last week: its Sunday...; default today).")
    var until: String?

    @Flag(help: "Print every figure as JSON.")
    var json = false

    @Flag(help: "Print the review as Markdown.")
    var md = false

    @Flag(help: "Create this week's week entry prefilled with the recap (never overwrites).")
    var write = false

    @Flag(help: "Print done items grouped by category as a Markdown brag document.")
    var brag = false

    @Flag(help: "Write the review as a self-contained HTML page (default: the last 52 weeks).")
    var html = false

    @Argument(help: ArgumentHelp("With --html: the file to write (default review-START-to-END.html here; - for standard output).",
                                 valueName: "file"), completion: .file(extensions: ["html"]))
    var file: String?

    @Option(help: ArgumentHelp("The day field the --html and --json heatmap shows (default energy; work_h, sleep_h...).",
                               valueName: "key"))
    var field: String?

    func validate() throws {
        let windows = [week, weeks != nil, month, year, since != nil].filter { $0 }.count
        if windows > 1 { throw ValidationError("choose one of --week, --weeks, --month, --year and --since") }
        if let weeks, weeks < 1 { throw ValidationError("--weeks must be at least 1") }
        if json && md { throw ValidationError("choose one of --json and --md") }
        try DateArgument.validateWindow(since: since, until: until)
        if brag && since == nil { throw ValidationError("--brag needs --since") }
        try validateHTML()
    }

    /// --html takes the file and stands alone among the outputs.
    private func validateHTML() throws {
        if let file, !html {
            throw ValidationError("'\(file)' is only taken with --html (hearth review --html \(file))")
        }
        if html, let other = [("--json", json), ("--md", md), ("--write", write), ("--brag", brag)].first(where: \.1) {
            throw ValidationError("choose one of --html and \(other.0)")
        }
        if field != nil && !html && !json { throw ValidationError("--field chooses the heatmap of --html and --json; add one of them") }
    }

    func run() throws {
        let notebook = try global.notebook()
        let today = try global.today()
        let days = try DateArgument.window(since: since, until: until, today: today)
        let end = days.until ?? today
        let window: DateRange
        if let since = days.since {
            // DateArgument.window refused a --since after a given --until; without one the window
            // ends today, and the message must not name an --until that was never given.
            guard since <= end else {
                throw CommandFailure.usage("--since \(since) is after today (\(today.weekdayName) \(today)): a review looks back; "
                    + "give an earlier --since")
            }
            window = DateRange(start: since, end: end)
        } else {
            window = DateRange(days: weeks.map { $0 * 7 } ?? (week ? 7 : month ? 30 : year ? 365 : html ? 364 : 7), endingOn: end)
        }
        let scan = CachedScan.scan(notebook, Query(kinds: [.day, .week, .experiment]))
        let settings = try NotebookSettings(notebook: notebook)
        let calculator = ReviewCalculator(notes: scan.notes, today: today, weeklyTarget: settings.workTargetHours)
        // A whole number beyond 2^53 would be rounded by the review's arithmetic: refuse instead.
        let inexact = ReviewCalculator.inexactNumbers(in: scan.notes)
        if !inexact.isEmpty {
            Diagnostics.diagnostics(inexact)
            throw CommandFailure(message: "the review would round \(inexact.count) \(inexact.count == 1 ? "value" : "values") (listed above); it computed nothing")
        }
        if brag {
            Terminal.standardOutput.write(BragDocument.render(notes: scan.notes, window: window))
        } else if write {
            let path = try WeekEntryWriter.write(review: calculator.review(window: DateRange(days: 7, endingOn: today)),
                                                 today: today, notebook: notebook)
            let shown = DisplayPath.of(path, in: notebook)
            print(shown)
            // stdout stays the path alone, for scripts; the questions are for the person.
            if try notebook.load(path)["who5"].map({ $0.isNull || $0.list?.isEmpty == true }) ?? true {
                Diagnostics.text(WHO5Prompt.render(path: shown))
            }
        } else {
            let heatmapField = field ?? "energy"
            let fields = calculator.heatmapFields
            guard fields.contains(heatmapField) else {
                throw CommandFailure.usage("--field '\(heatmapField)' is not a numeric day field; choose one of: \(fields.joined(separator: ", "))")
            }
            let review = calculator.review(window: window, heatmapField: heatmapField)
            if html {
                let page = ReviewHTML.render(review, generator: "\(ReviewHTML.generatorPrefix) \(Hearth.configuration.version)")
                if file == "-" {
                    Terminal.standardOutput.write(page)
                } else {
                    let name = file ?? ReviewPageFile.defaultName(for: window)
                    let path = URL(fileURLWithPath: name, relativeTo: try global.workingDirectory()).standardizedFileURL.path
                    print(try ReviewPageFile.write(page, to: path, notebook: notebook))
                }
            } else if json {
                JSONOutput.write(ReviewJSON.render(review))
            } else if md {
                Terminal.standardOutput.write(ReviewMarkdown.render(review))
            } else {
                Terminal.standardOutput.write(ReviewTerminalView(review: review, terminal: .standardOutput).render())
            }
        }
        try DiagnosticReport.reportUnreadable(scan.diagnostics)
    }
}
