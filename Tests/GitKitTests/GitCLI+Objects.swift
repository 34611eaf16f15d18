import Foundation
import TestSupport
import Testing

/// What the git CLI sees of a repository's objects, for the repack and maintenance tests.
extension GitCLI {
    /// `git count-objects -v` as numbers by key ("count", "packs", "garbage", ...).
    func countObjects() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in try self("count-objects", "-v").split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, let value = Int(parts[1].trimmingCharacters(in: .whitespaces)) { counts[String(parts[0])] = value }
        }
        return counts
    }

    /// Every object git can find, in packs or loose, sorted.
    func allObjects() throws -> [String] {
        try self("cat-file", "--batch-all-objects", "--batch-check=%(objectname)").split(separator: "\n").map(String.init).sorted()
    }

    /// Whether git finds the object `id`.
    func has(_ id: String) throws -> Bool {
        try run(["cat-file", "-e", id]).status == 0
    }

    /// `git fsck --strict` finds nothing wrong (dangling objects are not wrong).
    func expectFsckClean(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try run(["fsck", "--strict", "--no-dangling", "--no-progress"])
        // An empty repository gets notices ("HEAD points to an unborn branch"), not complaints.
        let complaints = fsck.stderrLines.filter { !$0.hasPrefix("notice: ") }
        #expect(fsck.status == 0 && fsck.stdout.isEmpty && complaints.isEmpty, "\(fsck)", sourceLocation: sourceLocation)
    }
}
