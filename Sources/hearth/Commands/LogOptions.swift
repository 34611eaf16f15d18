import ArgumentParser
import JournalKit
import NoteKit

/// What the quick-logging commands share: the day to write to.
struct LogOptions: ParsableArguments {
    @Option(help: "Log into this day's entry instead of today's: YYYY-MM-DD, yesterday, 3 days ago, monday... (not after today).")
    var date: String?

    func validate() throws {
        try DateArgument.validate(date, from: "--date", as: .logged)
    }

    /// The day written to.
    func day(_ global: GlobalOptions) throws -> LocalDate {
        let today = try global.today()
        return try date.map { try DateArgument.day($0, from: "--date", as: .logged, today: today) } ?? today
    }

    /// Appends `line` to `section` of the chosen day's entry and prints the entry's path; says
    /// so on standard error when that made the entry of a day other than today.
    func append(_ line: String, to section: DayLog.Section, _ global: GlobalOptions) throws {
        let notebook = try global.notebook()
        let day = try day(global)
        let existed = notebook.exists(NotebookLayout.path(for: .day, date: day, slug: nil))
        let path = try DayLog.append(line, to: section, date: day, notebook: notebook)
        if !existed { NewDayNotice.report(path, day: day, today: try global.today()) }
        print(DisplayPath.of(path, in: notebook))
    }
}
