import ArgumentParser
import JournalKit
import NoteKit

/// What the quick-logging commands share: the day to write to.
struct LogOptions: ParsableArguments {
    @Option(help: "Log into this day's entry (YYYY-MM-DD) instead of today's.")
    var date: String?

    func validate() throws {
        if let date, LocalDate(date) == nil { throw ValidationError("--date \(date) is not a date like 2026-11-22") }
    }

    /// The day written to.
    func day(_ global: GlobalOptions) throws -> LocalDate {
        try date.flatMap(LocalDate.init) ?? global.today()
    }

    /// Appends `line` to `section` of the chosen day's entry and prints the entry's path.
    func append(_ line: String, to section: DayLog.Section, _ global: GlobalOptions) throws {
        let notebook = try global.notebook()
        print(DisplayPath.of(try DayLog.append(line, to: section, date: day(global), notebook: notebook), in: notebook))
    }
}
