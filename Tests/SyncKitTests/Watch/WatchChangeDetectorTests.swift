import Foundation
@testable import SyncKit
import TestSupport
import Testing

/// The change detectors on a real folder: what they report and what they leave out.
@Suite struct WatchChangeDetectorTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case inotify, polling
        var testDescription: String { rawValue }
    }

    static var kinds: [Kind] {
        #if os(Linux)
        return Kind.allCases
        #else
        return [.polling]
        #endif
    }

    func detector(_ kind: Kind, root: URL) throws -> any ChangeDetector {
        switch kind {
        case .polling:
            return try PollingChangeDetector(root: root, every: 0.05)
        case .inotify:
            #if os(Linux)
            return try InotifyChangeDetector(root: root)
            #else
            fatalError("inotify is Linux only")
            #endif
        }
    }

    /// Whether a change is reported, waiting as long as a loaded machine could need (a change
    /// ends the wait at once).
    func changed(_ detector: any ChangeDetector) -> Bool {
        detector.waitForChanges(until: Date().addingTimeInterval(20))
    }

    /// Whether the detector reports nothing after it has really looked, however slow the
    /// machine: inotify's events are queued by the writing syscall itself, so the first read
    /// after the write sees them; the polling detector is waited on until it has looked twice.
    func unchanged(_ detector: any ChangeDetector) -> Bool {
        guard let polling = detector as? PollingChangeDetector else {
            return !detector.waitForChanges(until: Date().addingTimeInterval(0.1))
        }
        let target = polling.looks + 2
        let deadline = Date().addingTimeInterval(20)
        while polling.looks < target && Date() < deadline {
            if polling.waitForChanges(until: Date().addingTimeInterval(0.1)) { return false }
        }
        return polling.looks >= target
    }

    @Test(arguments: kinds)
    func writesCreationsAndRemovalsAreSeenAndTheRepositoryIsNot(kind: Kind) throws {
        try Sandbox.with { sandbox in
            try sandbox.write("notes/a.md", "a\n")
            try sandbox.write(".git/HEAD", "ref: refs/heads/main\n")
            let detector = try detector(kind, root: sandbox.root)
            #expect(unchanged(detector), "nothing happened yet")

            try sandbox.write(".git/index", "written by git\n")
            try sandbox.write(".git/refs/heads/main", "0000\n")
            #expect(unchanged(detector), "writes under .git are the repository's, not the notebook's")

            try sandbox.write("notes/a.md", "a changed\n")
            #expect(changed(detector))
            #expect(unchanged(detector), "a change is reported once")

            try FileManager.default.removeItem(at: sandbox.root.appending(path: "notes/a.md"))
            #expect(changed(detector))
        }
    }

    @Test(arguments: kinds)
    func filesInFoldersCreatedWhileWatchingAreSeen(kind: Kind) throws {
        try Sandbox.with { sandbox in
            try sandbox.write("hearth.yaml", "x: 1\n")
            let detector = try detector(kind, root: sandbox.root)
            try FileManager.default.createDirectory(at: sandbox.root.appending(path: "days/2027"), withIntermediateDirectories: true)
            #expect(changed(detector))
            #expect(unchanged(detector))
            // Written after the folders appeared: only seen if they are watched too.
            try sandbox.write("days/2027/2027-01-01.md", "new year\n")
            #expect(changed(detector))
        }
    }

    @Test(arguments: kinds)
    func wakeEndsAWaitWithoutAChange(kind: Kind) throws {
        try Sandbox.with { sandbox in
            let detector = try detector(kind, root: sandbox.root)
            detector.wake()
            #expect(!detector.waitForChanges(until: Date().addingTimeInterval(600)))
        }
    }

    @Test func theFingerprintChangesWithAnyEntryAndOnlyOutsideGit() throws {
        try Sandbox.with { sandbox in
            try sandbox.write("notes/a.md", "a\n")
            try sandbox.write(".git/HEAD", "ref\n")
            let root = sandbox.root.path(percentEncoded: false)
            let first = TreeFingerprint.of(root)
            #expect(first.entries == 2, "notes and notes/a.md, not .git")
            #expect(TreeFingerprint.of(root) == first)
            try sandbox.write(".git/HEAD", "other\n")
            #expect(TreeFingerprint.of(root) == first)
            // Same size, same second maybe, but another inode or time.
            try sandbox.write("notes/a.md", "b\n")
            #expect(TreeFingerprint.of(root) != first)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: sandbox.root.appending(path: "notes/a.md").path)
            let chmodded = TreeFingerprint.of(root)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: sandbox.root.appending(path: "notes/a.md").path)
            #expect(TreeFingerprint.of(root) != chmodded)
        }
    }
}
