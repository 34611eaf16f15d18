import Foundation
import NoteKit
@testable import MergeKit
import Testing
import TestSupport

/// Properties of the entry merge over random line-based edits on two sides (merge.md's
/// "Properties the tests must show", for one file).
@Suite("EntryMerger properties")
struct MergePropertyTests {
    static let path = "days/2026/2026-11-22.md"
    static let laptop = MergeFixtures.laptop
    static let desk = MergeFixtures.desk

    static func merge(_ base: Data?, _ first: Data?, _ second: Data?,
                      _ firstSide: MergeSide = laptop, _ secondSide: MergeSide = desk) -> EntryMergeResult {
        EntryMerger.merge(path: path, base: base, first: first, second: second, firstSide: firstSide, secondSide: secondSide)
    }

    /// The lines of a text without terminators.
    static func lines(_ data: Data?) -> [String] {
        guard let data else { return [] }
        return TextLines.split(String(decoding: data, as: UTF8.self)).map { line in
            var content = Substring(line)
            if content.hasSuffix("\r\n") || content.hasSuffix("\n") { content = content.dropLast() }
            return String(content)
        }
    }

    /// The batches of ``noLossAndValidity(batch:)``, 150 random merges each: 8 in `make test`,
    /// `HEARTH_MERGE_BATCHES=N` for N (batch numbers 0..<N are the seeds).
    static let batches: [UInt64] = {
        let count = Int(ProcessInfo.processInfo.environment["HEARTH_MERGE_BATCHES"] ?? "") ?? 8
        return Array(0..<UInt64(max(count, 1)))
    }()

    @Test("no loss (lines, list items, comments), valid front-matter, no git markers", arguments: batches)
    func noLossAndValidity(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x4845_4152_5448 &+ batch)
        for round in 0..<150 {
            let scenario = MergeScenario(random: &random)
            let base = scenario.data(scenario.base)
            let first = scenario.data(scenario.first)
            let second = scenario.data(scenario.second)
            let result = MergePropertyTests.merge(base, first, second)
            let context = "batch \(batch) round \(round)\n--- base\n\(scenario.text(scenario.base))--- a\n\(scenario.text(scenario.first))--- b\n\(scenario.text(scenario.second))"
            let merged = try #require(result.merged, Comment(rawValue: context))
            let text = String(decoding: merged, as: UTF8.self)
            let mergedLines = MergePropertyTests.lines(merged)
            for line in scenario.firstInserted + scenario.secondInserted {
                #expect(mergedLines.contains(line), "lost '\(line)'\n\(context)--- merged\n\(text)")
            }
            #expect(!text.contains("<<<<<<<"))
            #expect(!result.conflicts.contains { $0.kind == .file }, "\(context)")
            #expect(result.extraFiles.isEmpty)
            let note = try Note(parsing: merged, path: MergePropertyTests.path)
            // Every list item a side added is still in the merged list.
            let items = Set((note.frontMatter?.entries ?? []).flatMap { $0.value.strings })
            for item in scenario.firstItems + scenario.secondItems {
                #expect(items.contains(item), "lost list item '\(item)'\n\(context)--- merged\n\(text)")
            }
            // Every front-matter comment a side added is still there, in the front-matter.
            let frontMatter = note.frontMatter?.text ?? ""
            for comment in scenario.firstComments + scenario.secondComments {
                #expect(frontMatter.contains(comment), "lost comment '\(comment)'\n\(context)--- merged\n\(text)")
            }
            // One written on a key's line or above a key stays with that key while the key is there
            // (merge.md): on the key's line, or on a comment line directly above it.
            let frontMatterLines = MergePropertyTests.lines(Data(frontMatter.utf8))
            for (comment, key) in scenario.firstCommentKeys.merging(scenario.secondCommentKeys, uniquingKeysWith: { $1 }) {
                guard let keyLine = frontMatterLines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { continue }
                #expect(MergePropertyTests.comment(comment, isWithKeyAt: keyLine, in: frontMatterLines),
                        "comment '\(comment)' is not with \(key)\n\(context)--- merged\n\(text)")
            }
            // Conflict markers come in whole, well-formed blocks, and every text conflict has one.
            let markers = mergedLines.filter { $0.contains(ConflictMarker.tag) }
            #expect(markers.count == 3 * result.conflicts.filter { $0.kind == .text }.count, "\(context)--- merged\n\(text)")
            #expect(MergePropertyTests.merge(base, first, second) == result, "deterministic")
        }
    }

    /// Whether `comment` is on the line at `index` or on one of the comment lines (at the margin,
    /// as a key's are) right above it.
    static func comment(_ comment: String, isWithKeyAt index: Int, in lines: [String]) -> Bool {
        var line = index
        repeat {
            if lines[line].contains(comment) { return true }
            line -= 1
        } while line >= 0 && lines[line].hasPrefix("#")
        return false
    }

    @Test("identical, unchanged and one-sided inputs give that side back", arguments: 0..<4)
    func trivialMerges(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x5452_4956 &+ batch)
        for _ in 0..<100 {
            let scenario = MergeScenario(random: &random)
            let base = scenario.data(scenario.base)
            let x = scenario.data(scenario.first)
            #expect(MergePropertyTests.merge(base, x, x).merged == x)
            #expect(MergePropertyTests.merge(base, base, x).merged == x)
            #expect(MergePropertyTests.merge(base, x, base).merged == x)
            #expect(MergePropertyTests.merge(base, x, x).conflicts.isEmpty)
            #expect(MergePropertyTests.merge(nil, x, x).merged == x)
        }
    }

    @Test("swapping the sides keeps the same body lines", arguments: 0..<4)
    func sidesSwapKeepTheSameLines(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x5357_4150 &+ batch)
        for round in 0..<150 {
            let scenario = MergeScenario(random: &random, frontMatter: false)
            let base = scenario.data(scenario.base)
            let first = scenario.data(scenario.first)
            let second = scenario.data(scenario.second)
            let forward = MergePropertyTests.merge(base, first, second, MergePropertyTests.laptop, MergePropertyTests.desk)
            let backward = MergePropertyTests.merge(base, second, first, MergePropertyTests.desk, MergePropertyTests.laptop)
            let isMarker = { (line: String) in line.contains(ConflictMarker.tag) }
            let forwardLines = MergePropertyTests.lines(forward.merged).filter { !isMarker($0) }.sorted()
            let backwardLines = MergePropertyTests.lines(backward.merged).filter { !isMarker($0) }.sorted()
            #expect(forwardLines == backwardLines, "round \(round)")
            #expect(forward.conflicts.count == backward.conflicts.count, "round \(round)")
        }
    }

    @Test("two versions with no base merge without text conflicts and keep every line under its heading", arguments: 0..<4)
    func addAddNeverConflictsInTheBody(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x4144_4441 &+ batch)
        for _ in 0..<100 {
            let scenario = MergeScenario(random: &random)
            let first = scenario.data(scenario.first)
            let second = scenario.data(scenario.second)
            let result = MergePropertyTests.merge(nil, first, second)
            #expect(!result.conflicts.contains { $0.kind == .text })
            // The body only: a front-matter comment line would read as a heading.
            let note = try Note(parsing: try #require(result.merged), path: MergePropertyTests.path)
            let merged = MergeSectionScenario.placed(MergePropertyTests.lines(Data(note.body.utf8)))
            // Sections are merged one by one, so the result holds each side's lines under the
            // headings they were under (the random bodies repeat headings, so a heading's
            // sections are taken together), each side's in its order.
            let isHeading = { (line: String) in line.hasPrefix("#") }
            for side in [scenario.first.body, scenario.second.body] {
                let placed = MergeSectionScenario.placed(side)
                for heading in Set(side.filter(isHeading)) {
                    #expect(merged.filter { $0.line == heading }.count >= side.filter { $0 == heading }.count)
                }
                for path in Set(placed.map(\.path)) {
                    var rest = merged.filter { $0.path == path && !isHeading($0.line) }.map(\.line)[...]
                    for line in placed.filter({ $0.path == path && !isHeading($0.line) }).map(\.line) {
                        guard let index = rest.firstIndex(of: line) else {
                            Issue.record("line '\(line)' under \(path) missing or out of order\n--- a\n\(scenario.text(scenario.first))--- b\n\(scenario.text(scenario.second))--- merged\n\(String(decoding: result.merged ?? Data(), as: UTF8.self))")
                            break
                        }
                        rest = rest[(index + 1)...]
                    }
                }
            }
        }
    }

    @Test("section edits: what a side wrote stays under its heading, no heading twice, one line ending", arguments: 0..<6)
    func sectionEdits(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x5345_4354 &+ batch)
        for round in 0..<150 {
            let scenario = MergeSectionScenario(random: &random)
            let base = scenario.addAdd ? nil : scenario.baseData
            let result = MergePropertyTests.merge(base, scenario.firstData, scenario.secondData)
            let context = "batch \(batch) round \(round)\n\(scenario.description)"
            let merged = try #require(result.merged, Comment(rawValue: context))
            let text = String(decoding: merged, as: UTF8.self)
            let failure = Comment(rawValue: context + "--- merged\n" + text)
            #expect(!result.conflicts.contains { $0.kind == .file }, failure)

            let bytes = Array(merged)
            let lineFeeds = bytes.filter { $0 == 10 }.count
            let crlfs = zip(bytes, bytes.dropFirst()).filter { $0 == 13 && $1 == 10 }.count
            #expect(crlfs == (scenario.expectedNewline == "\r\n" ? lineFeeds : 0), failure)

            let note = try Note(parsing: merged, path: MergePropertyTests.path)
            let placed = MergeSectionScenario.placed(MergePropertyTests.lines(Data(note.body.utf8)))
            let headings = placed.filter { $0.line.hasPrefix("#") }.map(\.path)
            #expect(Set(headings).count == headings.count, "a heading twice\n\(failure)")

            let sides = [(scenario.first, scenario.firstWritten, scenario.firstRenames, scenario.secondRenames, scenario.secondTouched),
                         (scenario.second, scenario.secondWritten, scenario.secondRenames, scenario.firstRenames, scenario.firstTouched)]
            for (body, written, ownRenames, otherRenames, otherTouched) in sides {
                // A heading this side renamed that the other side renamed too may read either way.
                var renamed = otherRenames
                for (old, new) in ownRenames { renamed[new] = otherRenames[old] }
                for (line, path) in MergeSectionScenario.placed(MergeSectionScenario.lines(of: body)) {
                    if scenario.addAdd {
                        // Without a base everything a side has is its own: each line is kept
                        // under the headings it was under (shared lines once).
                        guard !line.isEmpty else { continue }
                        #expect(placed.contains { $0 == (line, path) }, "'\(line)' under \(path)\n\(failure)")
                        continue
                    }
                    guard written.contains(line), !otherTouched.contains(line) else { continue }
                    // Under the same headings, or the ones the other side renamed them to (another
                    // copy may sit in a conflict region, as the other side's version of it).
                    let found = placed.filter { $0.line == line }.map(\.path)
                    let underItsHeading = found.contains { merged in
                        merged.count == path.count && zip(merged, path).allSatisfy { $0 == $1 || $0 == renamed[$1] }
                    }
                    #expect(underItsHeading, "'\(line)' written under \(path), found under \(found)\n\(failure)")
                }
            }
            #expect(MergePropertyTests.merge(base, scenario.firstData, scenario.secondData) == result, "deterministic")
            if !scenario.addAdd {
                let backward = MergePropertyTests.merge(base, scenario.secondData, scenario.firstData, MergePropertyTests.desk,
                                                        MergePropertyTests.laptop)
                // Blank lines are left out: a section kept against a deletion gets a blank line
                // before it when what precedes it lost its own, and what precedes it follows the
                // order of sections, which the canonical order of the sides decides.
                let isCompared = { (line: String) in !line.contains(ConflictMarker.tag) && !line.isEmpty }
                #expect(MergePropertyTests.lines(backward.merged).filter(isCompared).sorted()
                        == MergePropertyTests.lines(merged).filter(isCompared).sorted(), "sides swapped\n\(failure)")
            }
        }
    }
}
