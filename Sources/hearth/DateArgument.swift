import ArgumentParser
import Foundation
import JournalKit
import NoteKit

/// Every date hearth takes on its command line or from `HEARTH_TODAY` is read here, so a day
/// that does not exist is called that everywhere (`--since 2026-02-30 is not a date: February
/// 2026 has 28 days`), a word hearth does not know is answered with the forms it does and the
/// nearest one, and every refusal is a usage error (exit 2). The phrases themselves are
/// NoteKit's `RelativeDay`; this file only words the refusals.
///
/// `source` says how the text was given and is put before it: an option (`--since`, joined with
/// a space), a variable (`HEARTH_TODAY=`), or nothing for an entry reference.
enum DateArgument {
    /// What a date is taken for, which decides the phrases allowed and the day a week gives.
    enum Role {
        /// One day that has begun: `--at`, an entry reference.
        case day
        /// The `--date` of the logging commands (`done`, `jot`, `grateful`, `learned`): one day
        /// that has begun, a date after today too being refused, since a log records what happened.
        case logged
        /// The day of a new entry (`hearth new day --date`): `tomorrow` and any later date too.
        case newEntry
        /// The date of a new week entry (`hearth new week --date`): a day as for ``newEntry``, or
        /// a week (`last week`), which gives its Monday.
        case weekEntry
        /// The first day of a window (`--since`): a week gives its Monday.
        case since
        /// The last day of a window (`--until`): a week gives its Sunday.
        case until
    }

    /// `text`, exactly a `YYYY-MM-DD` date (`HEARTH_TODAY`, which pins what the phrases count from).
    static func date(_ text: String, from source: String) throws -> LocalDate {
        if let date = LocalDate(text) { return date }
        throw CommandFailure.usage(message(text, from: source))
    }

    /// Today in the user's time zone; `HEARTH_TODAY` pins it for reproducible demos and tests.
    static func today() throws -> LocalDate {
        if let pinned = ProcessInfo.processInfo.environment["HEARTH_TODAY"] {
            return try date(pinned, from: "HEARTH_TODAY=")
        }
        return LocalDate.today()
    }

    /// The day `text` names for `role` when today is `today`.
    static func day(_ text: String, from source: String, as role: Role = .day, today: LocalDate) throws -> LocalDate {
        let phrase: RelativeDay
        do {
            phrase = try RelativeDay(parsing: text)
        } catch {
            throw CommandFailure.usage(refusal(of: error, text: text, from: source, role: role))
        }
        if let problem = misuse(of: phrase, text: text, from: source, role: role) { throw CommandFailure.usage(problem) }
        let days: ClosedRange<LocalDate>
        do {
            days = try phrase.days(today: today)
        } catch {
            throw CommandFailure.usage(refusal(of: error, text: text, from: source, role: role))
        }
        let named = role == .until ? days.upperBound : days.lowerBound
        if role == .logged { try requireBegun(named, text: text, from: source, today: today) }
        return named
    }

    /// Refuses a day after today where what happened is logged (`--date` of `done`, `jot`,
    /// `grateful` and `learned`; `set` making a day's entry): an ISO date is refused as
    /// `tomorrow` is, while `hearth new` plans a day ahead.
    static func requireBegun(_ day: LocalDate, text: String, from source: String, today: LocalDate) throws {
        guard day > today else { return }
        throw CommandFailure.usage("\(joined(source))\(described(text, day)) is after today (\(today.weekdayName) \(today)): "
            + "hearth logs days that have begun; hearth new day --date \(day) plans one ahead")
    }

    /// The first day `--since` and the last day `--until` name, either absent when not given.
    /// Every command with both options reads them here, so a window that ends before it starts
    /// is refused alike everywhere rather than quietly finding nothing.
    static func window(since: String?, until: String?, today: LocalDate) throws -> (since: LocalDate?, until: LocalDate?) {
        let first = try since.map { try day($0, from: "--since", as: .since, today: today) }
        let last = try until.map { try day($0, from: "--until", as: .until, today: today) }
        if let since, let until, let first, let last, last < first {
            throw CommandFailure.usage("--since \(described(since, first)) is after --until \(described(until, last)): "
                + "no day is in between; swap them, or leave one out")
        }
        return (first, last)
    }

    /// `this week (Monday 2026-11-16)`: a phrase with the day it named; a date as itself.
    private static func described(_ text: String, _ day: LocalDate) -> String {
        if case .date? = try? RelativeDay(parsing: text) { return day.description }
        return "\(text) (\(day.weekdayName) \(day))"
    }

    /// Checks `--since` and `--until` in `validate()`.
    static func validateWindow(since: String?, until: String?) throws {
        try validate(since, from: "--since", as: .since)
        try validate(until, from: "--until", as: .until)
    }

    /// Checks an optional date option in `validate()`, so the refusal comes with the usage; the
    /// days themselves are counted in `run()`, once `HEARTH_TODAY` has been read.
    static func validate(_ text: String?, from source: String, as role: Role = .day) throws {
        guard let text else { return }
        do {
            let phrase = try RelativeDay(parsing: text)
            if let problem = misuse(of: phrase, text: text, from: source, role: role) { throw ValidationError(problem) }
        } catch let error as RelativeDayError {
            throw ValidationError(refusal(of: error, text: text, from: source, role: role))
        }
    }

    /// Whether `text` is a date or a phrase hearth reads, one too far back included: the words
    /// of a day, to be answered as one rather than looked up as a name or a commit.
    static func isDay(_ text: String) -> Bool {
        do {
            _ = try RelativeDay(parsing: text)
            return true
        } catch RelativeDayError.tooFarBack {
            return true
        } catch {
            return false
        }
    }

    /// Why an entry reference that named no entry cannot name one: `tomorrow` is a phrase hearth
    /// reads but no entry to find, `100000 days ago` one too far back, `yesterday` on 0001-01-01
    /// a day before the calendar; nil for anything else (a name, a path, a day or week with no entry).
    static func refusal(ofReference reference: String) -> String? {
        let phrase: RelativeDay
        do {
            phrase = try RelativeDay(parsing: reference)
        } catch RelativeDayError.tooFarBack {
            return refusal(of: .tooFarBack(reference), text: reference, from: "", role: .day)
        } catch {
            return nil
        }
        if let problem = misuse(of: phrase, text: reference, from: "", role: .day) { return problem }
        guard let today = try? today() else { return nil }
        do {
            _ = try phrase.days(today: today)
            return nil
        } catch {
            return refusal(of: error, text: reference, from: "", role: .day)
        }
    }

    /// `sunday (Sunday 2026-11-15)`: a phrase with the day it named, for the message that found
    /// no entry for it, so the person sees which day was looked for; nil for dates and names.
    static func dayNamed(by reference: String) -> String? {
        guard let phrase = try? RelativeDay(parsing: reference) else { return nil }
        switch phrase {
        case .daysAgo, .weekday: break
        case .date, .tomorrow: return nil
        case .week:
            guard let today = try? today(), let path = Notebook.weekEntryPath(namedBy: reference, today: today) else { return nil }
            return "\(reference) (\(NotebookLayout.stem(of: path)))"
        }
        guard let today = try? today(), let day = Notebook.day(namedBy: reference, today: today) else { return nil }
        return "\(reference) (\(day.weekdayName) \(day))"
    }

    /// `--since 2026-02-30 is not a date: February 2026 has 28 days`.
    static func message(_ text: String, from source: String) -> String {
        joined(source) + (LocalDate.problem(with: text.trimmingCharacters(in: [" ", "\t"])) ?? "\(text) is not a date like 2026-11-22")
    }

    /// The phrases `role` takes, for the message that refuses a word.
    static func forms(for role: Role) -> String {
        var forms = "2026-11-22, today, yesterday, 3 days ago, 2 weeks ago (or a day/week ago), "
            + "a weekday such as monday or last monday (the last one before today)"
        switch role {
        case .day, .logged: break
        case .newEntry: forms += ", tomorrow"
        case .weekEntry: forms += ", tomorrow, this week, last week"
        case .since, .until: forms += ", this week, last week (Monday to Sunday)"
        }
        return forms + "; quote a phrase of several words"
    }

    /// The phrase the words of `text` most likely meant (`yesterdy` → `yesterday`, `3 dys ago`
    /// → `3 days ago`), if it is one `role` takes.
    static func suggestion(for text: String, role: Role) -> String? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var changed = false
        var fixed: [String] = []
        for word in words {
            if RelativeDay.words.contains(word) || word == "a" || word.allSatisfy(\.isNumber) {
                fixed.append(word)
                continue
            }
            guard let nearest = NameSuggestion.nearest(to: word, among: RelativeDay.words) else { return nil }
            fixed.append(nearest)
            changed = true
        }
        // `3 dys ago` is as near `3 day ago` as `3 days ago`: say it as a person would.
        if fixed.count == 3, !["1", "a"].contains(fixed[0]), ["day", "week"].contains(fixed[1]) { fixed[1] += "s" }
        let phrase = fixed.joined(separator: " ")
        guard changed, let parsed = try? RelativeDay(parsing: phrase),
              misuse(of: parsed, text: phrase, from: "", role: role) == nil else { return nil }
        return phrase
    }

    /// `--where 'date>=yesterday'`: a comparison whose value is a phrase hearth reads compares
    /// with the day it names (a week's Monday or Sunday, as the operator needs), instead of with
    /// the words, which would quietly match nothing. A date, any other text and `~` are kept.
    static func resolvingPhrase(in condition: QueryCondition, today: LocalDate) throws -> QueryCondition {
        let comparisons: [QueryCondition.Operator] = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
        guard comparisons.contains(condition.op), let operand = condition.operand else { return condition }
        let source = "--where \(condition.key)\(condition.op.rawValue)"
        let phrase: RelativeDay
        do {
            phrase = try RelativeDay(parsing: operand)
        } catch RelativeDayError.tooFarBack {
            throw CommandFailure.usage(refusal(of: .tooFarBack(operand), text: operand, from: source, role: .since))
        } catch {
            return condition
        }
        if case .date = phrase { return condition }
        let days: ClosedRange<LocalDate>
        do {
            days = try phrase.days(today: today)
        } catch {
            throw CommandFailure.usage(refusal(of: error, text: operand, from: source, role: .since))
        }
        let day: LocalDate
        switch condition.op {
        case .greaterOrEqual, .less: day = days.lowerBound
        case .lessOrEqual, .greater: day = days.upperBound
        default:
            guard days.lowerBound == days.upperBound else {
                throw CommandFailure.usage("\(source)\(operand) is a week, not a day: compare with both ends "
                    + "(--where '\(condition.key)>=\(operand)' --where '\(condition.key)<=\(operand)') or name one day")
            }
            day = days.lowerBound
        }
        return QueryCondition(key: condition.key, op: condition.op, operand: day.description)
    }

    /// Why `phrase`, a phrase hearth reads, is not one `role` takes.
    private static func misuse(of phrase: RelativeDay, text: String, from source: String, role: Role) -> String? {
        switch (phrase, role) {
        case (.tomorrow, .day), (.tomorrow, .logged), (.tomorrow, .since), (.tomorrow, .until):
            return "\(joined(source))\(text): only hearth new takes tomorrow (hearth new day --date tomorrow); "
                + "the rest of hearth works on days that have begun"
        // An entry reference (no source) names the week's entry; `--at` wants one day.
        case (.week, .day) where !source.isEmpty, (.week, .logged), (.week, .newEntry):
            let elsewhere = role == .logged ? " (--since and --until take a week)"
                : role == .newEntry ? " (hearth new week --date takes a week)" : ""
            return "\(joined(source))\(text) is a week, not a day: name one day, such as last monday or 7 days ago" + elsewhere
        default:
            return nil
        }
    }

    private static func refusal(of error: RelativeDayError, text: String, from source: String, role: Role) -> String {
        switch error {
        case .notADate:
            return message(text, from: source)
        case .unknown where text.first?.isNumber == true && text.contains(where: { $0 == "-" || $0 == "/" }):
            // `2026-2-3`, `22/11/2026`: a date in another shape, so name the one hearth reads.
            return message(text, from: source)
        case .outOfRange:
            return "\(joined(source))\(text) falls outside the years 0001 to 9999"
        case .tooFarBack:
            return "\(joined(source))\(text) is out of range: a phrase counts back 0 to \(RelativeDay.largestCount) days "
                + "(\(RelativeDay.largestCount / 7) weeks); name an older day by its date, such as 1700-01-01"
        case .unknown:
            let hint = suggestion(for: text, role: role).map { "; did you mean '\($0)'?" } ?? ""
            return "\(joined(source))\(text) is not a day hearth reads\(hint)\nA day is one of: \(forms(for: role))"
        }
    }

    private static func joined(_ source: String) -> String {
        source.isEmpty || source.hasSuffix("=") ? source : source + " "
    }
}
