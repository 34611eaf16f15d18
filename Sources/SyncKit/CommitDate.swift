import Foundation

/// The time hearth stamps on its commits: now, or the one `GIT_COMMITTER_DATE` (else
/// `GIT_AUTHOR_DATE`) names, as git itself honours them; so a script can record entries with the
/// day they belong to (an import of old notes, say).
public enum CommitDate {
    /// The variables read, first one set wins.
    public static let variables = ["GIT_COMMITTER_DATE", "GIT_AUTHOR_DATE"]

    /// The date and UTC offset (minutes) the environment asks for; nil when it asks for none.
    ///
    /// - Throws: the variable and its value when the value is not a date in one of git's
    ///   unambiguous formats.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CommitDateError) -> (date: Date, offsetMinutes: Int)? {
        for variable in variables {
            guard let value = environment[variable], !value.isEmpty else { continue }
            guard let parsed = parse(value) else { throw CommitDateError(variable: variable, value: value) }
            return parsed
        }
        return nil
    }

    /// Reads `@1700000000 +0100` or `1700000000 +0100` (git's internal format), and ISO 8601
    /// `2026-11-20T14:30:00+01:00`, `2026-11-20 14:30:00 +0100` or with `Z`.
    public static func parse(_ text: String) -> (date: Date, offsetMinutes: Int)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let fields = trimmed.split(separator: " ")
        if fields.count == 2, let seconds = Int(fields[0].hasPrefix("@") ? fields[0].dropFirst() : fields[0]),
           let offset = offsetMinutes(fields[1]) {
            return (Date(timeIntervalSince1970: Double(seconds)), offset)
        }
        // ISO 8601 with the date and time joined by T or a space, and a zone (Z, +01:00 or +0100).
        var iso = trimmed
        if fields.count == 3 { iso = "\(fields[0])T\(fields[1])\(fields[2])" }
        if fields.count == 2, fields[0].count == 10 { iso = "\(fields[0])T\(fields[1])" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: iso) else { return nil }
        let zone = iso.hasSuffix("Z") ? "+0000" : String(iso.suffix(6)).replacingOccurrences(of: ":", with: "")
        return (date, offsetMinutes(zone) ?? offsetMinutes(String(iso.suffix(5))) ?? 0)
    }

    /// `+0130` as 90, `-0500` as -300.
    private static func offsetMinutes(_ text: some StringProtocol) -> Int? {
        guard text.count == 5, let sign = text.first, sign == "+" || sign == "-",
              let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.suffix(2)), minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }
}
