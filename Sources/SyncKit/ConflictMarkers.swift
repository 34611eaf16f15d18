import Foundation

/// Finds and removes the `<!-- hearth:conflict ... -->` regions the entry merge writes.
enum ConflictMarkers {
    /// The fixed text every marker line starts with: `grep -rn 'hearth:conflict'` finds them all.
    static let prefix = "<!-- hearth:conflict "

    /// One region: the two sides' lines (with terminators) and where it sits.
    struct Region {
        var lines: Range<Int>
        var firstDevice: String
        var secondDevice: String
        var first: [Substring]
        var second: [Substring]
    }

    /// Splits `text` into lines that keep their terminators.
    static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            // "\r\n" is a single Character in Swift, so one check covers both terminators.
            if text[index] == "\n" || text[index] == "\r\n" {
                result.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// The device named by a start marker line, nil when the line is not a start marker.
    private static func device(_ line: Substring) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(prefix), trimmed.hasSuffix("-->"), !trimmed.hasPrefix(prefix + "end") else { return nil }
        let inner = trimmed.dropFirst(prefix.count).dropLast(3).split(separator: " ")
        return inner.first.map(String.init)
    }

    private static func isEnd(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: .whitespacesAndNewlines) == prefix + "end -->"
    }

    /// Every complete region in `lines`.
    static func regions(in lines: [Substring]) -> [Region] {
        var regions: [Region] = []
        var index = 0
        while index < lines.count {
            guard let firstDevice = device(lines[index]) else { index += 1; continue }
            var second: Int?
            var end: Int?
            var cursor = index + 1
            while cursor < lines.count {
                if second == nil, device(lines[cursor]) != nil { second = cursor } else if second != nil, isEnd(lines[cursor]) { end = cursor; break }
                cursor += 1
            }
            guard let second, let end, let secondDevice = device(lines[second]) else { index += 1; continue }
            regions.append(Region(lines: index..<(end + 1), firstDevice: firstDevice, secondDevice: secondDevice,
                                  first: Array(lines[(index + 1)..<second]), second: Array(lines[(second + 1)..<end])))
            index = end + 1
        }
        return regions
    }

    /// The 1-based line of the first marker left in `text`, if any.
    static func firstMarkerLine(in text: String) -> Int? {
        lines(text).firstIndex { $0.contains(prefix) }.map { $0 + 1 }
    }
}
