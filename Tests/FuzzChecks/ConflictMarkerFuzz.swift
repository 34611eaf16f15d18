import Foundation
import MergeKit
import NoteKit

/// The conflict-marker reader `hearth resolve` uses. Input: a text, and optionally (0x1E between)
/// a base, first and second to merge. The regions read from any text must be in order, inside
/// it, and hold exactly the lines between their markers; the regions read from a merge's own
/// output must name the two devices and hold only lines of the matching side.
enum ConflictMarkerFuzz {
    static func check(_ data: Data) throws(FuzzFailure) {
        let parts = FuzzInput.parts(of: data)
        if let text = FuzzInput.text(parts[0]) { try checkRegions(in: text) }
        guard parts.count >= 4 else { return }
        let sides = parts[1...3].map(FuzzInput.text)
        // A side that holds markers of its own is not what this target checks.
        guard sides.allSatisfy({ $0 != nil && !$0!.contains("hearth:conflict") }) else { return }
        let result = EntryMergeFuzz.merge(base: parts[1], first: parts[2], second: parts[3])
        guard let merged = result.merged, let text = FuzzInput.text(merged) else { return }
        let regions = try checkRegions(in: text)
        let textConflicts = result.conflicts.filter { $0.kind == .text }.count
        guard regions.count == textConflicts else {
            throw FuzzFailure("the merge recorded \(textConflicts) text conflicts, the reader finds \(regions.count) regions:\n\(text.debugDescription)")
        }
        // Compared without the CRs that end a line: the merge writes one line ending, and in
        // `\r\r\n` which CR belongs to the ending is a matter of reading.
        func withoutCRs(_ line: Substring) -> Substring {
            let utf8 = line.utf8
            var end = utf8.endIndex
            while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
            return Substring(utf8[utf8.startIndex..<end])
        }
        func contents(_ text: String) -> Set<Substring> { Set(FuzzInput.contents(of: text).map(withoutCRs)) }
        let firstLines = contents(sides[1]!), secondLines = contents(sides[2]!)
        for region in regions {
            guard region.firstDevice == EntryMergeFuzz.firstSide.device, region.secondDevice == EntryMergeFuzz.secondSide.device else {
                throw FuzzFailure("a region names \(region.firstDevice) and \(region.secondDevice):\n\(text.debugDescription)")
            }
            for (lines, side) in [(region.first, firstLines), (region.second, secondLines)] {
                for line in lines where !side.contains(withoutCRs(TextLines.content(line))) {
                    throw FuzzFailure("a region holds \(line.debugDescription), which its side does not have:\n\(text.debugDescription)")
                }
            }
        }
    }

    @discardableResult
    private static func checkRegions(in text: String) throws(FuzzFailure) -> [ConflictMarker.Region] {
        let lines = TextLines.split(text)
        let regions = ConflictMarker.regions(in: lines)
        var next = 0
        for region in regions {
            guard region.lines.lowerBound >= next, region.lines.upperBound <= lines.count,
                  region.first.count + region.second.count + 3 == region.lines.count,
                  Array(lines[(region.lines.lowerBound + 1)...].prefix(region.first.count)) == region.first,
                  Array(lines[..<(region.lines.upperBound - 1)].suffix(region.second.count)) == region.second else {
                throw FuzzFailure("a region \(region.lines) does not match the lines between its markers:\n\(text.debugDescription)")
            }
            next = region.lines.upperBound
        }
        if let first = regions.first {
            guard let line = ConflictMarker.firstMarkerLine(in: text), line <= first.lines.lowerBound + 1 else {
                throw FuzzFailure("the first marker line is not found before the first region:\n\(text.debugDescription)")
            }
        }
        return regions
    }
}
