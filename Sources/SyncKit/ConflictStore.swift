import Foundation
import MergeKit
import NoteKit

/// The conflict records in a notebook's working tree (`.hearth/conflicts/*.yaml`).
public struct ConflictStore: Sendable {
    /// The notebook root.
    public let root: URL

    /// The store for the notebook at `root`.
    public init(root: URL) {
        self.root = root
    }

    private var folder: URL { root.appending(path: ConflictRecord.folder, directoryHint: .isDirectory) }

    /// The record files' names, sorted.
    private func fileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// How many records there are (cheap: no parsing).
    public func count() -> Int { fileNames().count }

    /// Every record, sorted by entry path then id.
    ///
    /// - Throws: ``SyncError`` naming the first record that cannot be read.
    public func all() throws(SyncError) -> [ConflictRecord] {
        var records: [ConflictRecord] = []
        for name in fileNames() {
            let relative = "\(ConflictRecord.folder)/\(name)"
            let path = root.appending(path: relative).path(percentEncoded: false)
            do {
                guard let text = String(bytes: try FileSystem.read(path), encoding: .utf8) else {
                    throw Diagnostic(path: relative, line: 1, message: "conflict record is not UTF-8 text",
                                     hint: "the record is damaged; delete it once the entry reads as you want")
                }
                records.append(try ConflictRecord(parsing: text, path: relative))
            } catch let error as Diagnostic {
                throw SyncError.notebook(.unreadable(error))
            } catch let error as NotebookError {
                throw SyncError.notebook(error)
            } catch {
                throw SyncError.io(path: relative, operation: "read the conflict record", reason: "\(error)")
            }
        }
        return records.sorted { ($0.conflict.path, $0.id) < ($1.conflict.path, $1.id) }
    }

    /// Writes a record (never replacing a different file of the same name).
    func write(_ record: ConflictRecord) throws(SyncError) {
        let path = root.appending(path: record.path).path(percentEncoded: false)
        if let linked = ContainedPath.linkedFolder(on: record.path, under: root.path(percentEncoded: false)) {
            throw SyncError.io(path: linked, operation: "write the conflict record \(record.id)",
                               reason: "it is a symbolic link or a file, not a folder; hearth never writes through links. Make it a folder again")
        }
        let bytes = Array(record.text.utf8)
        if (try? FileSystem.read(path)) == bytes { return }
        do {
            try FileSystem.createParents(of: path)
            try FileSystem.replace(path, with: bytes, expecting: nil)
        } catch {
            throw SyncError.notebook(error)
        }
    }
}
