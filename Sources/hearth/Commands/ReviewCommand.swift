import ArgumentParser
import Foundation
import JournalKit
import NoteKit

/// `hearth review [--week | --weeks N | --month | --since D --until D] [--json | --md] [--write] [--brag]`.
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
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "The last 7 days (the default).")
    var week = false

    @Option(help: "The last N weeks.")
    var weeks: Int?

    @Flag(help: "The last 30 days.")
    var month = false

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

    func validate() throws {
        let windows = [week, weeks != nil, month, since != nil].filter { $0 }.count
        if windows > 1 { throw ValidationError("choose one of --week, --weeks, --month and --since") }
        if let weeks, weeks < 1 { throw ValidationError("--weeks must be at least 1") }
        if json && md { throw ValidationError("choose one of --json and --md") }
        try DateArgument.validateWindow(since: since, until: until)
        if brag && since == nil { throw ValidationError("--brag needs --since") }
    }

    func run() throws {
        let notebook = try global.notebook()
        let today = try global.today()
        let days = try DateArgument.window(since: since, until: until, today: today)
        let end = days.until ?? today
        let window: DateRange
        if let since = days.since {
            guard since <= end else { throw CommandFailure.usage("--since \(since) is after --until \(end)") }
            window = DateRange(start: since, end: end)
        } else {
            window = DateRange(days: weeks.map { $0 * 7 } ?? (month ? 30 : 7), endingOn: end)
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
            let review = calculator.review(window: window)
            if json {
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
