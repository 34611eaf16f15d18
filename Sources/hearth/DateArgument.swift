import ArgumentParser
import NoteKit

/// Every date hearth takes on its command line or from `HEARTH_TODAY` is read here, so a day
/// that does not exist is called that everywhere (`--since 2026-02-30 is not a date: February
/// 2026 has 28 days`) and every refusal is a usage error (exit 2).
///
/// `source` says how the text was given and is put before it: an option (`--since`, joined with
/// a space) or a variable (`HEARTH_TODAY=`).
enum DateArgument {
    /// `text`, a `YYYY-MM-DD` date.
    static func date(_ text: String, from source: String) throws -> LocalDate {
        if let date = LocalDate(text) { return date }
        throw CommandFailure.usage(message(text, from: source))
    }

    /// `text`, a day: `YYYY-MM-DD`, `today` or `yesterday`.
    static func day(_ text: String, from source: String, today: LocalDate) throws -> LocalDate {
        if let day = Notebook.day(namedBy: text, today: today) { return day }
        if LocalDate.isDateShaped(text) { throw CommandFailure.usage(message(text, from: source)) }
        throw CommandFailure.usage("\(joined(source))\(text) is not a day like 2026-11-22 (or today, yesterday)")
    }

    /// Checks an optional date option in `validate()`, so the refusal comes with the usage.
    static func validate(_ text: String?, from source: String) throws {
        if let text, LocalDate(text) == nil { throw ValidationError(message(text, from: source)) }
    }

    /// `--since 2026-02-30 is not a date: February 2026 has 28 days`.
    static func message(_ text: String, from source: String) -> String {
        joined(source) + (LocalDate.problem(with: text) ?? "\(text) is not a date like 2026-11-22")
    }

    private static func joined(_ source: String) -> String {
        source.hasSuffix("=") ? source : source + " "
    }
}
