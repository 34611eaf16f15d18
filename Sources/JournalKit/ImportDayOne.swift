import Foundation
import NoteKit

/// Maps entries of Day One's JSON export to ``ImportedEntry`` values.
///
/// Day One stores the instant (`creationDate`, ISO 8601 in UTC) and the writer's `timeZone`; the
/// entry belongs to the day and time on the writer's clock, which can be a different date than UTC's.
enum ImportDayOne {
    /// One entry; throws naming the field that is missing or malformed.
    static func entry(_ fields: ImportFields) throws(ImportError) -> ImportedEntry {
        let uuid = try fields.string("uuid")
        guard !uuid.isEmpty else { throw fields.problem("uuid", "is empty") }
        let created = try fields.string("creationDate")
        guard let seconds = epochSeconds(iso8601: created) else {
            throw fields.problem("creationDate", "is '\(created)', not an ISO 8601 time like 2024-01-05T09:12:44Z")
        }
        let zoneName = try fields.string("timeZone")
        guard let zone = TimeZone(identifier: zoneName) else {
            throw fields.problem("timeZone", "is '\(zoneName)', not a time zone like Europe/Berlin")
        }
        let text = try fields.string("text")
        let local = seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let day = Int((Double(local) / 86_400).rounded(.down))
        let secondOfDay = local - day * 86_400
        return ImportedEntry(source: .dayOne, sourceID: uuid, date: LocalDate(dayNumber: day),
                             time: twoDigits(secondOfDay / 3600) + ":" + twoDigits(secondOfDay % 3600 / 60),
                             title: title(of: text), tags: try fields.strings("tags"),
                             starred: try fields.bool("starred"), text: text)
    }

    /// The most words a title taken from a plain first line keeps.
    static let titleWords = 10

    /// The first non-empty line: a heading's text, or the first words of a paragraph. Day One escapes
    /// Markdown punctuation (`1\.`), which a title in front-matter does not need.
    static func title(of text: String) -> String {
        guard let line = text.split(whereSeparator: \.isNewline).lazy
            .map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }) else { return "" }
        if line.hasPrefix("#") {
            return unescaped(line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces))
        }
        let words = line.split(whereSeparator: \.isWhitespace)
        let title = words.prefix(titleWords).joined(separator: " ")
        return unescaped(words.count > titleWords ? title + "…" : title)
    }

    /// Removes Markdown backslash escapes before ASCII punctuation.
    static func unescaped(_ text: String) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                if !(character.isASCII && (character.isPunctuation || character.isSymbol)) { out.append("\\") }
                out.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// Seconds since 1970 for `YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|+HHMM)`; nil for anything else.
    /// Parsed by hand: the formats are fixed and this avoids non-`Sendable` formatters.
    static func epochSeconds(iso8601 text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = LocalDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
              hour < 24, minute < 60, second < 61 else { return nil }
        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let fraction = rest.prefix { (48...57).contains($0) }
            guard !fraction.isEmpty else { return nil }
            rest = rest.dropFirst(fraction.count)
        }
        var offset = 0
        if rest.elementsEqual([UInt8(ascii: "Z")]) {
            offset = 0
        } else if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let zone = Array(rest.dropFirst().filter { $0 != UInt8(ascii: ":") })
            guard zone.count == 4, rest.count == 5 || (rest.count == 6 && rest[rest.startIndex + 3] == UInt8(ascii: ":")),
                  let hours = number(zone[0..<2]), let minutes = number(zone[2..<4]) else { return nil }
            offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        return date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte) - 48
        }
        return digits.isEmpty ? nil : value
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
