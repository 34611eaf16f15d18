import Foundation
import NoteKit

/// Reading the markers back, for `hearth resolve`: the same format ``ConflictMarker`` writes.
extension ConflictMarker {
    /// One conflict region: the two sides' lines (with terminators) and where it sits.
    package struct Region {
        /// The region's lines, markers included.
        package var lines: Range<Int>
        package var firstDevice: String
        package var secondDevice: String
        package var first: [String]
        package var second: [String]
    }

    /// Every complete region in `lines` (as `TextLines.split(_:)` gives them).
    package static func regions(in lines: [String]) -> [Region] {
        var regions: [Region] = []
        var index = 0
        while index < lines.count {
            guard let firstDevice = device(opening: lines[index]) else { index += 1; continue }
            var second: Int?
            var end: Int?
            var cursor = index + 1
            while cursor < lines.count {
                if second == nil, device(opening: lines[cursor]) != nil {
                    second = cursor
                } else if second != nil, isEnd(lines[cursor]) {
                    end = cursor
                    break
                }
                cursor += 1
            }
            guard let second, let end, let secondDevice = device(opening: lines[second]) else { index += 1; continue }
            regions.append(Region(lines: index..<(end + 1), firstDevice: firstDevice, secondDevice: secondDevice,
                                  first: Array(lines[(index + 1)..<second]), second: Array(lines[(second + 1)..<end])))
            index = end + 1
        }
        return regions
    }

    /// The 1-based line of the first marker left in `text`, if any.
    package static func firstMarkerLine(in text: String) -> Int? {
        TextLines.split(text).firstIndex { $0.contains(tag) }.map { $0 + 1 }
    }

    /// The device an opening marker line names, nil for any other line.
    private static func device(opening line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let start = "<!-- \(tag) "
        guard trimmed.hasPrefix(start), trimmed.hasSuffix("-->"), !isEnd(line) else { return nil }
        return trimmed.dropFirst(start.count).dropLast(3).split(separator: " ").first.map(String.init)
    }

    private static func isEnd(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespacesAndNewlines) + "\n" == end(newline: "\n")
    }
}
