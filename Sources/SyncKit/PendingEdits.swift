import Foundation
internal import GitKit

/// Files the user saved while a sync was rewriting the working tree: their bytes were kept, and
/// the version they were based on is remembered in `.git/hearth/pending` so the next snapshot can
/// merge them with what the sync brought instead of silently reverting it.
struct PendingEdits {
    /// Path -> the blob the user's file was based on (nil: the file did not exist in the snapshot).
    /// Keyed byte for byte: `café` in NFC and in NFD are two files with bases of their own.
    var bases = PathMap<ObjectID?>()

    private static func location(_ repository: Repository) -> URL {
        repository.gitDirectory.appending(path: "hearth/pending")
    }

    /// Reads the list; a missing or damaged file means nothing is pending.
    static func load(_ repository: Repository) -> PendingEdits {
        var pending = PendingEdits()
        guard let text = try? String(contentsOf: location(repository), encoding: .utf8) else { return pending }
        for line in text.split(separator: "\n") {
            // "<40 hex or ->\t<path>": tab-separated so any path fits.
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            pending.bases[String(parts[1])] = parts[0] == "-" ? .some(nil) : ObjectID(hex: String(parts[0]))
        }
        return pending
    }

    /// Writes the list atomically, or removes it when empty.
    func save(_ repository: Repository) throws(SyncError) {
        let url = PendingEdits.location(repository)
        do {
            if bases.isEmpty {
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
                return
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = bases.entries.map { "\($0.value?.description ?? "-")\t\($0.key)\n" }.joined()
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw SyncError.io(path: url.path, operation: "record files kept during sync", reason: error.localizedDescription)
        }
    }
}
