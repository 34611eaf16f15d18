import Foundation
import TestSupport
import Testing

/// The section-aware body merge end to end: two devices on one bare remote write the same day
/// from different templates (hearth's own and an Obsidian one, saved by a Windows editor with
/// CRLF), sync both ways, and `review` and `check` read the merged day as the writers meant it.
@Suite struct SyncSectionMergeCLITests {
    static let path = "days/2026/2026-11-22.md"

    /// An Obsidian daily-note template with only `## Done` and `## Notes`, as a Windows editor saves it.
    static let obsidianDay = "---\r\ndate: 2026-11-22\r\n---\r\n\r\n## Done\r\n\r\n- ship: released v2.3\r\n\r\n## Notes\r\n\r\nCall with Sam went well.\r\n"

    /// A laptop notebook pushed to a bare remote and a desk cloned from it, neither with a day
    /// entry yet.
    struct Devices {
        let notebook: TemporaryNotebook
        var desk: URL { notebook.base.appendingPathComponent("desk") }

        init() throws {
            notebook = try TemporaryNotebook(initialized: true)
            let remote = notebook.base.appendingPathComponent("remote.git")
            try notebook.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
            try notebook.hearth("remote", "add", "origin", remote.path).requireSuccess()
            try notebook.hearth("sync").requireSuccess()
            try notebook.hearth(["clone", remote.path, desk.path, "--device", "desk"], in: notebook.base).requireSuccess()
        }

        @discardableResult
        func desk(_ arguments: String...) throws -> ProcessResult {
            try notebook.hearth(arguments, in: desk)
        }

        func deskBytes(_ path: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: desk.appendingPathComponent(path)))
        }

        func writeOnDesk(_ path: String, _ text: String) throws {
            let url = desk.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// The `## ` heading each line lies under ("" before the first), lines without terminators.
    static func sections(_ text: String) -> [(line: String, heading: String)] {
        var heading = ""
        // Split on the byte: "\r\n" is one Character in Swift.
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { raw in
            let line = String(decoding: raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw, as: UTF8.self)
            if line.hasPrefix("## ") { heading = line }
            return (line, heading)
        }
    }

    /// Whether every line break in `bytes` is the same: all CRLF or all LF.
    static func oneLineEnding(_ bytes: [UInt8]) -> Bool {
        let lineFeeds = bytes.filter { $0 == 10 }.count
        let crlfs = zip(bytes, bytes.dropFirst()).filter { $0 == 13 && $1 == 10 }.count
        return crlfs == 0 || crlfs == lineFeeds
    }

    /// `hearth review --json` on one device: done items by category and the learned count.
    static func review(_ notebook: TemporaryNotebook, in directory: URL) throws -> (done: [String: Int], learned: Int) {
        let result = try notebook.hearth(["review", "--json"], in: directory).requireSuccess()
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
        let done = try #require((root["done"] as? [String: Any])?["counts"] as? [String: Int], "\(result)")
        let learned = try #require((root["gratitude"] as? [String: Any])?["learned"] as? Int, "\(result)")
        return (done, learned)
    }

    @Test func theSameNewDayFromTwoTemplatesMergesSectionBySection() throws {
        let devices = try Devices()
        let laptop = devices.notebook
        try laptop.hearth("today", "--no-edit").requireSuccess()
        try laptop.hearth("done", "chore", "expenses").requireSuccess()
        try laptop.hearth("grateful", "a quiet morning").requireSuccess()
        try laptop.hearth("learned", "zdiff3 trims conflicts").requireSuccess()
        try devices.writeOnDesk(Self.path, Self.obsidianDay)

        try laptop.hearth("sync").requireSuccess()
        let merge = try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        let conflicts = try laptop.hearth("conflicts", "--json").requireSuccess()
        #expect((try JSONSerialization.jsonObject(with: conflicts.stdoutData) as? [Any])?.isEmpty == true, "\(conflicts)\n\(merge)")

        let bytes = try laptop.bytes(Self.path)
        #expect(bytes == (try devices.deskBytes(Self.path)), "both devices hold the same bytes")
        #expect(Self.oneLineEnding(bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        let text = String(decoding: bytes, as: UTF8.self)
        let placed = Self.sections(text)
        let headings = placed.map(\.line).filter { $0.hasPrefix("## ") }
        #expect(headings == ["## Done", "## Grateful", "## Learned", "## Log", "## Notes"], "\(text)")
        // A line-by-line union filed the ship under Learned (laptop first) or Grateful (desk first).
        #expect(placed.filter { $0.line == "- ship: released v2.3" }.map(\.heading) == ["## Done"], "\(text)")
        #expect(placed.filter { $0.line == "- chore: expenses" }.map(\.heading) == ["## Done"], "\(text)")
        #expect(placed.filter { $0.line == "- zdiff3 trims conflicts" }.map(\.heading) == ["## Learned"], "\(text)")
        #expect(placed.filter { $0.line == "- a quiet morning" }.map(\.heading) == ["## Grateful"], "\(text)")
        #expect(placed.filter { $0.line == "Call with Sam went well." }.map(\.heading) == ["## Notes"], "\(text)")
        #expect(text.contains("kind: day") && text.contains("date: 2026-11-22"), "\(text)")

        // review reads the ship as done, and only the laptop's line as learning, on both devices.
        for directory in [laptop.root, devices.desk] {
            let review = try Self.review(laptop, in: directory)
            #expect(review.done["ship"] == 1 && review.done["chore"] == 1, "\(review)")
            #expect(review.learned == 1, "\(review)")
        }
        let check = try laptop.hearth("check")
        #expect(check.status == 0 && !check.stdout.contains(Self.path), "\(check)")
    }

    @Test func aWindowsEditorSavingTheDayAsCRLFMergesWithAnLFEdit() throws {
        let devices = try Devices()
        let laptop = devices.notebook
        try laptop.hearth("today", "--no-edit").requireSuccess()
        try laptop.hearth("done", "ship", "merge design").requireSuccess()
        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()

        // The desk's editor saves the whole file with CRLF and one more item under Done; the
        // laptop adds one too.
        let synced = String(decoding: try devices.deskBytes(Self.path), as: UTF8.self)
        #expect(!synced.contains("\r"))
        let edited = synced.replacingOccurrences(of: "- ship: merge design\n", with: "- ship: merge design\n- help: onboarding\n")
        try devices.writeOnDesk(Self.path, edited.replacingOccurrences(of: "\n", with: "\r\n"))
        try laptop.hearth("done", "chore", "expenses").requireSuccess()

        try laptop.hearth("sync").requireSuccess()
        try devices.desk("sync").requireSuccess()
        try laptop.hearth("sync").requireSuccess()

        let bytes = try laptop.bytes(Self.path)
        #expect(bytes == (try devices.deskBytes(Self.path)))
        let text = String(decoding: bytes, as: UTF8.self)
        // The desk's editor converted the file, the laptop did not: the merge keeps the base's
        // ending, one for every line.
        #expect(!text.contains("\r"), "\(text.debugDescription)")
        let placed = Self.sections(text)
        #expect(placed.map(\.line).filter { $0.hasPrefix("## ") } == ["## Done", "## Grateful", "## Learned", "## Log", "## Notes"],
                "\(text)")
        let done = placed.filter { $0.heading == "## Done" && $0.line.hasPrefix("- ") }.map(\.line)
        #expect(Set(done) == ["- ship: merge design", "- help: onboarding", "- chore: expenses"], "\(text)")
        #expect(done.count == 3, "\(text)")
        #expect(try Self.review(laptop, in: laptop.root).done == ["ship": 1, "help": 1, "chore": 1])
    }
}
