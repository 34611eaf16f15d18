import Foundation

/// A note, kept in a file, that the index with a given checksum held exactly HEAD's tree as of
/// a given tree id: what a status of HEAD against the index found nothing in. A later status
/// with the same index checksum, the same HEAD tree and the same index capabilities skips that
/// half (libgit2 reads every tree of HEAD for it, about a sixth of a status at 4,000 entries;
/// libgit2 1.5 does not use the index's cached tree as git does).
///
/// Keyed so that it is never wrong: the checksum is the SHA-1 of the whole index file (libgit2
/// checks it on every read), so any change to an entry, a stage or an extension gives another
/// key; HEAD's tree and the case sensitivity are the other inputs of that comparison. A missing,
/// damaged or other-version file is no note at all. Writing is best effort (temp file + rename):
/// a read-only `.git` only loses the shortcut.
public struct HeadIndexMemo: Sendable {
    /// What the note says: index checksum, HEAD tree, index capabilities (`git_index_caps`).
    struct Key: Equatable, Sendable {
        var indexChecksum: ObjectID
        var headTree: ObjectID
        var capabilities: Int32
    }

    /// The file holding the note.
    public let file: URL

    private static let header = "hearth head-index memo 1"

    /// A memo kept in `file` (its folder is created when the note is first written).
    public init(file: URL) {
        self.file = file
    }

    /// Whether the note says `key`'s index held HEAD's tree.
    func holds(_ key: Key) -> Bool {
        guard let data = FileManager.default.contents(atPath: file.path(percentEncoded: false)),
              let text = String(data: data, encoding: .utf8) else { return false }
        return text == Self.text(key)
    }

    /// Notes that `key`'s index held HEAD's tree.
    func record(_ key: Key) {
        guard !holds(key) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(Self.text(key).utf8).write(to: file, options: .atomic)
    }

    private static func text(_ key: Key) -> String {
        "\(header)\n\(key.indexChecksum) \(key.headTree) \(key.capabilities)\n"
    }
}
