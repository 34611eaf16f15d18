import Foundation
import MergeKit
import NoteKit

/// The file edits one `hearth resolve` makes, collected in memory and checked before any is
/// written, so a choice that does not fit one record leaves every file untouched.
struct ResolvePlan {
    let root: URL
    /// Path -> (bytes as read, bytes to write or nil to delete).
    /// Keyed byte for byte: `café` in NFC and in NFD are two files (see `TreePath`).
    private var edits = PathMap<(original: [UInt8]?, new: [UInt8]?)>()

    init(root: URL) {
        self.root = root
    }

    private func absolute(_ path: String) -> String { root.appending(path: path).path(percentEncoded: false) }

    /// The current bytes of `path`, as this plan would leave them.
    private mutating func bytes(_ path: String) throws(SyncError) -> [UInt8]? {
        if let edit = edits[path] { return edit.new }
        guard case .bytes(let bytes) = WorkingFile.read(absolute(path)) else {
            if case .absent = WorkingFile.read(absolute(path)) { edits[path] = (nil, nil); return nil }
            throw SyncError.io(path: path, operation: "read the entry", reason: "it is not a regular file")
        }
        edits[path] = (bytes, bytes)
        return bytes
    }

    private mutating func set(_ path: String, _ new: [UInt8]?) {
        edits[path] = (edits[path]?.original, new)
    }

    /// Plans `choice` for one record.
    mutating func apply(_ choice: ResolveChoice, to record: ConflictRecord) throws(SyncError) {
        let conflict = record.conflict
        // Records arrive with the remote's commits: one naming a path outside the notebook (or
        // behind a link) is refused before anything is read or written.
        var named = [conflict.path]
        if conflict.kind == .file { named += [conflict.first.value, conflict.second.value] }
        for path in named {
            let reason = ContainedPath.problem(in: path)
                ?? ContainedPath.linkedFolder(on: path, under: root.path(percentEncoded: false)).map { "'\($0)' on the way is a link or a file, not a folder" }
            if let reason {
                throw SyncError.conflict(reference: record.id, reason: "the record names '\(path)', which hearth will not touch: \(reason). "
                                         + "The record is damaged or was made by another tool; nothing was changed. Delete \(record.path) and check the entry by hand")
            }
        }
        let devices = [conflict.first.device, conflict.second.device]
        if case .keep(let device) = choice, !devices.contains(device) {
            throw SyncError.conflict(reference: record.id, reason: "'\(device)' is not a side of this conflict; choose \(devices.joined(separator: " or "))")
        }
        let keepSide: ConflictSide? = {
            guard case .keep(let device) = choice else { return nil }
            return conflict.first.device == device ? conflict.first : conflict.second
        }()
        switch conflict.kind {
        case .field:
            try applyField(choice, keepSide, record)
        case .text:
            try applyText(choice, keepSide, record)
        case .deleted:
            if let keepSide, keepSide.deleted {
                _ = try bytes(conflict.path)   // read first, so the deletion is a checked edit
                set(conflict.path, nil)
            }
        case .file:
            // The kept side's bytes are at the path, the other side's in the copy its value names.
            let copy = conflict.first.device == conflict.kept ? conflict.second.value : conflict.first.value
            guard let keepSide else { return }
            if keepSide.device != conflict.kept, let other = try bytes(copy) {
                _ = try bytes(conflict.path)
                set(conflict.path, other)
            }
            _ = try bytes(copy)
            set(copy, nil)
        }
    }

    private mutating func applyField(_ choice: ResolveChoice, _ keepSide: ConflictSide?, _ record: ConflictRecord) throws(SyncError) {
        let conflict = record.conflict
        switch choice {
        case .edited: return
        case .both:
            throw SyncError.unsettled(reference: record.id, problem: .bothForField(first: conflict.first.device, second: conflict.second.device))
        case .keep: break
        }
        guard let keepSide, let field = conflict.field else { return }
        guard !field.contains(".") else {
            throw SyncError.unsettled(reference: record.id, problem: .fieldInMap(field: field))
        }
        guard let original = try bytes(conflict.path) else { return }
        var note: Note
        do {
            note = try Note(parsing: Data(original), path: conflict.path)
        } catch {
            throw SyncError.notebook(.unreadable(error))
        }
        if keepSide.deleted {
            note.remove(field)
        } else {
            let yaml = keepSide.value.contains("\n") ? "v:\n" + keepSide.value : "v: " + keepSide.value
            guard let value = (try? FrontMatter(yamlFile: yaml + "\n", path: record.path))?["v"] else {
                throw SyncError.unsettled(reference: record.id, problem: .unreadableValue(field: field))
            }
            note.set(field, to: value)
        }
        // An edit the front-matter cannot take without changing another key (an anchor an alias
        // reads) is refused: the record stays, since it holds the only copy of the kept value.
        if let refused = note.frontMatter?.refusedEdit {
            throw SyncError.notebook(.unreadable(Diagnostic(path: conflict.path, line: refused.line, message: refused.message, hint: refused.hint)))
        }
        set(conflict.path, Array(note.text.utf8))
    }

    private mutating func applyText(_ choice: ResolveChoice, _ keepSide: ConflictSide?, _ record: ConflictRecord) throws(SyncError) {
        let conflict = record.conflict
        guard let original = try bytes(conflict.path) else { return }
        let text = String(decoding: original, as: UTF8.self)
        if choice == .edited {
            if let line = ConflictMarker.firstMarkerLine(in: text) {
                throw SyncError.unsettled(reference: record.id, problem: .markersLeft(path: conflict.path, line: line))
            }
            return
        }
        let lines = TextLines.split(text)
        let regions = ConflictMarker.regions(in: lines)
        let exact = regions.filter {
            $0.firstDevice == conflict.first.device && $0.secondDevice == conflict.second.device
                && $0.first.joined() == conflict.first.value && $0.second.joined() == conflict.second.value
        }
        let byDevice = regions.filter { $0.firstDevice == conflict.first.device && $0.secondDevice == conflict.second.device }
        guard let region = exact.first ?? (byDevice.count == 1 ? byDevice.first : nil) else {
            // The markers are gone already (edited by hand): only the record is left to remove.
            return
        }
        var replacement: [String]
        if let keepSide {
            replacement = keepSide.device == region.firstDevice ? region.first : region.second
        } else {
            replacement = region.first
            // Keep both: make sure the first side's last line ends before the second begins.
            if let last = replacement.last, !region.second.isEmpty {
                replacement[replacement.count - 1] = TextLines.terminated(last, newline: TextLines.newline(of: text) ?? "\n")
            }
            replacement += region.second
        }
        var result = lines
        result.replaceSubrange(region.lines, with: replacement)
        set(conflict.path, Array(result.joined().utf8))
    }

    /// Writes every planned edit, each a compare-and-swap on the bytes read; returns the paths.
    func commitToDisk() throws(SyncError) -> [String] {
        var written: [String] = []
        for (path, edit) in edits.entries where edit.original != edit.new {
            let target = absolute(path)
            do throws(NotebookError) {
                if let new = edit.new {
                    try FileSystem.replace(target, with: new, expecting: edit.original)
                } else if let original = edit.original {
                    guard (try FileSystem.read(target)) == original else { throw NotebookError.changedOnDisk(path: path) }
                    unlink(target)
                }
            } catch {
                throw SyncError.notebook(error)
            }
            written.append(path)
        }
        return written
    }
}
