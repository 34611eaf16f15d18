import Foundation
import Testing
@testable import NoteKit

/// A warm query reads no folder while none changed (``EntryListing``), and is never wrong for it:
/// an entry added, removed or renamed right after the listing was recorded, in the same clock
/// tick, is seen; a listing recorded in the tick of a folder's change is not trusted; a folder
/// holding a symbolic link is listed every time.
@Suite struct EntryListingTests {
    private typealias CachedNotebook = FrontMatterCacheTests.CachedNotebook

    /// Three day entries and a note, scanned until the listing is recorded with settled stamps.
    private func warmNotebook() throws -> CachedNotebook {
        let notebook = try CachedNotebook()
        for day in 20...22 { try notebook.files.write("days/2026/2026-11-\(day).md", "---\nkind: day\nenergy: \(day - 19)\n---\n") }
        try notebook.files.write("notes/idea.md", "---\nenergy: 9\n---\n")
        try notebook.settle()
        _ = notebook.energies()
        #expect(recorded(notebook) == ["days/2026/2026-11-20.md", "days/2026/2026-11-21.md", "days/2026/2026-11-22.md", "notes/idea.md"])
        return notebook
    }

    private func listingFile(_ notebook: CachedNotebook) -> String { notebook.cache.folder.path + "/" + EntryListing.fileName }

    /// The paths the listing file holds, when it would be used as it stands.
    private func recorded(_ notebook: CachedNotebook) -> [String]? {
        EntryListing.load(listingFile(notebook), root: notebook.files.root.path, version: "test")
    }

    @Test func anEntryAddedRemovedOrRenamedRightAfterTheListingIsSeen() throws {
        let notebook = try warmNotebook()
        // No waiting anywhere below: each change falls in the clock tick of the listing before it.
        try notebook.files.write("days/2026/2026-11-23.md", "---\nenergy: 4\n---\n")
        #expect(notebook.energies().values["days/2026/2026-11-23.md"] == "4")
        try FileManager.default.removeItem(atPath: notebook.absolute("days/2026/2026-11-20.md"))
        #expect(notebook.energies().values["days/2026/2026-11-20.md"] == nil)
        try FileManager.default.moveItem(atPath: notebook.absolute("days/2026/2026-11-21.md"), toPath: notebook.absolute("days/2026/2026-11-24.md"))
        let renamed = notebook.energies().values
        #expect(renamed["days/2026/2026-11-21.md"] == nil && renamed["days/2026/2026-11-24.md"] == "2")
        // A new folder changes its parent; a file replaced by rename over it keeps the folder's
        // names but is a new inode, which the entry's own stamp shows.
        try notebook.files.write("days/2027/2027-01-01.md", "---\nenergy: 5\n---\n")
        #expect(notebook.energies().values["days/2027/2027-01-01.md"] == "5")
        try Data("---\nenergy: 7\n---\n".utf8).write(to: URL(fileURLWithPath: notebook.absolute("days/2026/2026-11-22.md")), options: .atomic)
        #expect(notebook.energies().values == ["days/2026/2026-11-22.md": "7", "days/2026/2026-11-23.md": "4", "days/2026/2026-11-24.md": "2",
                                               "days/2027/2027-01-01.md": "5", "notes/idea.md": "9"])
    }

    @Test func anUnchangedNotebookIsListedFromTheRecord() throws {
        let notebook = try warmNotebook()
        let before = FileStamp.of(listingFile(notebook))
        #expect(notebook.energies().statistics == FrontMatterCacheStatistics(entries: 4, hits: 4, misses: 0))
        #expect(FileStamp.of(listingFile(notebook)) == before, "a listing still true is not written again")
    }

    /// git's racy rule on folders, shown on a listing that leaves out an entry whose folder's
    /// stamp is recorded exactly: recorded in the tick of that stamp, it is not trusted; only a
    /// stamp older than the recording scan's start is (and then the listing is believed, which is
    /// why the rule is needed).
    @Test func aListingRecordedInTheTickOfAFolderChangeIsNotTrusted() throws {
        let notebook = try warmNotebook()
        let folders = FileSystem.markdownListing(under: notebook.files.root.path).folders
        let newest = folders.map { max($0.stamp.mtime, $0.stamp.ctime) }.max()!
        let forged = ["days/2026/2026-11-20.md", "days/2026/2026-11-21.md", "notes/idea.md"]
        let kind = try #require(FileSystemKind.of(notebook.files.root.path))
        func record(startedAt: Int64) throws {
            try Data(EntryListing.serialize(folders, paths: forged, startedAt: startedAt, kind: kind, version: "test"))
                .write(to: URL(fileURLWithPath: listingFile(notebook)))
        }
        try record(startedAt: newest)
        #expect(notebook.energies().values.count == 4)
        try record(startedAt: newest + 1)
        #expect(notebook.energies().values.count == 3, "a settled listing is trusted without reading the folders")
    }

    /// A listing is trusted only on a file system known to change a folder's times with its
    /// names, and only while the notebook is on the kind recorded: the forged listing below, which
    /// leaves out an entry and would be believed as the real kind's, is not as another's.
    @Test func aListingIsTrustedOnlyOnTheKindOfFileSystemItWasRecordedOnAndKnownToKeepFolderTimes() throws {
        let notebook = try warmNotebook()
        let folders = FileSystem.markdownListing(under: notebook.files.root.path).folders
        let startedAt = folders.map { max($0.stamp.mtime, $0.stamp.ctime) }.max()! + 1
        let forged = ["days/2026/2026-11-20.md", "days/2026/2026-11-21.md", "notes/idea.md"]
        let real = try #require(FileSystemKind.of(notebook.files.root.path))
        #expect(real.keepsFolderTimes, "the listing tests need a file system whose folder times are trusted, not \(real.name)")
        // NFS on Linux, and a name no Darwin file system has; a trusted kind other than the real one.
        let other = FileSystemKind(name: real.name == "0xef53" ? "0x58465342" : "0xef53")
        for kind in [FileSystemKind(name: "0x6969"), FileSystemKind(name: "nfs"), other, real] {
            try Data(EntryListing.serialize(folders, paths: forged, startedAt: startedAt, kind: kind, version: "test"))
                .write(to: URL(fileURLWithPath: listingFile(notebook)))
            #expect(notebook.energies().values.count == (kind == real ? 3 : 4), "recorded as \(kind.name)")
        }
    }

    /// The decision behind the test above: local disks are trusted, network shares, FUSE, vfat
    /// and overlayfs are not.
    @Test func onlyLocalFileSystemsKeepFolderTimesAListingTrusts() {
        for name in ["0x6969", "0xff534d42", "0x65735546", "0x4d44", "0x794c7630", "nfs", "smbfs", "msdos", "exfat", "macfuse", ""] {
            #expect(!FileSystemKind(name: name).keepsFolderTimes, "\(name)")
        }
        #if os(Linux)
        for name in ["0xef53", "0x58465342", "0x9123683e", "0x1021994", "0x2fc12fc1", "0xf2f52010"] {
            #expect(FileSystemKind(name: name).keepsFolderTimes, "\(name)")
        }
        #else
        for name in ["apfs", "hfs"] { #expect(FileSystemKind(name: name).keepsFolderTimes, "\(name)") }
        #endif
    }

    /// A link's target can change while the link's folder does not: here it leads into a hidden
    /// folder no listing reads, where the file it names becomes a folder, and the link is no
    /// longer an entry.
    @Test func aFolderHoldingASymbolicLinkIsListedEveryTime() throws {
        let notebook = try warmNotebook()
        try notebook.files.write(".stash/kept.md", "---\nenergy: 8\n---\n")
        try FileManager.default.createSymbolicLink(atPath: notebook.absolute("notes/link.md"), withDestinationPath: "../.stash/kept.md")
        try notebook.settle()
        #expect(notebook.energies().values["notes/link.md"] == "8")
        #expect(notebook.energies().values["notes/link.md"] == "8")
        #expect(!FileManager.default.fileExists(atPath: listingFile(notebook)), "a listing that depends on a link's target is not kept")
        try FileManager.default.removeItem(atPath: notebook.absolute(".stash/kept.md"))
        try FileManager.default.createDirectory(atPath: notebook.absolute(".stash/kept.md"), withIntermediateDirectories: false)
        #expect(notebook.energies().values.keys.sorted()
                == ["days/2026/2026-11-20.md", "days/2026/2026-11-21.md", "days/2026/2026-11-22.md", "notes/idea.md"])
    }
}
