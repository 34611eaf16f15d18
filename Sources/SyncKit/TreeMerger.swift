import Foundation
internal import GitKit
import MergeKit

/// Merges two commits' trees file by file, running the entry merge on every file both sides
/// changed, and writes the result tree with the conflict records in it.
///
/// It is a pure function of the two tips, their base and their labels: the tips come in
/// canonical order (see ``TreeMerger/canonicalOrder(_:_:)``), so both devices merging the same
/// two heads write the same tree. libgit2's own merge is not used because its automatic text
/// merge would decide some front-matter lines before the per-key rules could see them.
struct TreeMerger {
    let repository: Repository

    /// Orders two tips so that the one with the older commit comes first, commit id breaking
    /// ties; every device computes the same order for the same pair.
    static func canonicalOrder(_ a: MergeTip, _ b: MergeTip) -> (first: MergeTip, second: MergeTip) {
        if a.side.time != b.side.time { return a.side.time < b.side.time ? (a, b) : (b, a) }
        return a.commit.description < b.commit.description ? (a, b) : (b, a)
    }

    /// Merges `first` and `second` (canonical order) over `base` (nil: unrelated histories,
    /// merged as if both sides added every file).
    func merge(base: ObjectID?, first: MergeTip, second: MergeTip) throws(GitError) -> TreeMergeResult {
        let baseTree = try base.map { id throws(GitError) in try repository.commit(id).treeID }
        let changes1 = SideChanges(try repository.treeChanges(from: baseTree, to: first.tree, detectRenames: true))
        let changes2 = SideChanges(try repository.treeChanges(from: baseTree, to: second.tree, detectRenames: true))

        var outcome = PathMap<FileVersion>()   // path -> version, relative to first's tree; byte-exact keys (NFC ≠ NFD)
        var settled = PathSet()                // paths a rename merge already decided
        var mergedPaths: [String] = []
        var conflicts: [MergeConflict] = []

        func baseVersion(_ path: String) throws(GitError) -> FileVersion {
            guard let baseTree, let entry = try repository.treeEntry(path: path, inTree: baseTree) else { return .deleted }
            return .content(entry.id, mode: entry.mode)
        }
        func firstVersion(_ path: String) throws(GitError) -> FileVersion {
            if let version = changes1.versions[path] { return version }
            return try baseVersion(path)
        }
        func secondVersion(_ path: String) throws(GitError) -> FileVersion {
            if let version = changes2.versions[path] { return version }
            return try baseVersion(path)
        }
        func mergeFile(at path: String, base: FileVersion, first v1: FileVersion, second v2: FileVersion) throws(GitError) {
            settled.insert(path)
            // A mode change (the executable bit) on one side survives an edit on the other.
            let mode = mode(of: v1) != mode(of: base) ? mode(of: v1) : mode(of: v2) ?? mode(of: v1)
            func keep(_ version: FileVersion) -> FileVersion {
                guard let id = version.id else { return .deleted }
                return .content(id, mode: mode ?? FileMode.blob)
            }
            if v1.sameContent(as: v2) { outcome[path] = keep(v1); return }
            if base.sameContent(as: v1) { outcome[path] = keep(v2); return }
            if base.sameContent(as: v2) { outcome[path] = keep(v1); return }
            if self.mode(of: v1) == FileMode.symlink || self.mode(of: v2) == FileMode.symlink {
                // A link's blob is its target, not text: merging it line by line with an entry
                // would make a link whose target is the entry (a file replaced by a link on one
                // device, edited on the other). Both versions stay, each as it was.
                try keepBoth(at: path, first: v1, second: v2)
                return
            }
            var result = EntryMerger.merge(
                path: path, base: try data(base), first: try data(v1), second: try data(v2),
                firstSide: first.side, secondSide: second.side)
            mergedPaths.append(path)
            outcome[path] = try result.merged.map { bytes throws(GitError) in .content(try repository.writeBlob(bytes), mode: mode ?? FileMode.blob) } ?? .deleted
            for extra in result.extraFiles {
                // An earlier unresolved conflict may already have a copy by that name: never
                // replace it, pick the next free one (the same on every device).
                let target = try freePath(for: extra.path, first: first.tree, second: second.tree, taken: outcome)
                if target != extra.path {
                    for index in result.conflicts.indices where result.conflicts[index].first.value == extra.path {
                        result.conflicts[index].first.value = target
                    }
                    for index in result.conflicts.indices where result.conflicts[index].second.value == extra.path {
                        result.conflicts[index].second.value = target
                    }
                }
                outcome[target] = .content(try repository.writeBlob(extra.data), mode: FileMode.blob)
                settled.insert(target)
            }
            conflicts += result.conflicts
        }

        /// Both versions of a path kept as they are, a file at the path and a link beside it
        /// (both links: second's at the path), or the one left when the other side deleted it.
        func keepBoth(at path: String, first v1: FileVersion, second v2: FileVersion) throws(GitError) {
            switch (v1, v2) {
            case (.deleted, .deleted):
                outcome[path] = .deleted
            case (.deleted, .content), (.content, .deleted):
                let firstDeleted = v1 == .deleted
                outcome[path] = firstDeleted ? v2 : v1
                conflicts.append(MergeConflict(
                    path: path, kind: .deleted,
                    first: ConflictSide(device: first.side.device, time: first.side.time, value: "", deleted: firstDeleted),
                    second: ConflictSide(device: second.side.device, time: second.side.time, value: "", deleted: !firstDeleted),
                    kept: firstDeleted ? second.side.device : first.side.device))
            case (.content, .content):
                let firstStays = self.mode(of: v2) == FileMode.symlink && self.mode(of: v1) != FileMode.symlink
                let moved = firstStays ? second.side : first.side
                let copy = try freePath(for: EntryMerger.conflictPath(for: path, device: moved.device),
                                        first: first.tree, second: second.tree, taken: outcome)
                outcome[path] = firstStays ? v1 : v2
                outcome[copy] = firstStays ? v2 : v1
                settled.insert(copy)
                conflicts.append(.file(at: path, copy: copy, first: first.side, second: second.side, firstStays: firstStays))
            }
        }

        for path in changes2.versions.keys where !settled.contains(path) {
            let v2 = changes2.versions[path]!
            guard let v1 = changes1.versions[path] else {
                // Only the second side touched it (a rename shows as the old name deleted here
                // and the new name added when the loop reaches it).
                outcome[path] = v2
                continue
            }
            if v1 == v2 { continue }
            // A rename is followed only when the other side left the new name alone; if it put a
            // file of its own there, both stay (the old name as a modify/delete conflict, the new
            // one merged as added on both sides), so neither device's file is replaced.
            if case .deleted = v1, case .content = v2, changes2.renames[path] == nil,
               let target = changes1.renames[path], changes2.versions[target] == nil {
                // First renamed the file, second edited it under the old name: the edit follows the rename.
                try mergeFile(at: target, base: try baseVersion(path), first: try firstVersion(target), second: v2)
                outcome[path] = .deleted
                continue
            }
            if case .deleted = v2, case .content = v1, changes1.renames[path] == nil,
               let target = changes2.renames[path], changes1.versions[target] == nil {
                // Second renamed it, first edited it under the old name.
                try mergeFile(at: target, base: try baseVersion(path), first: v1, second: try secondVersion(target))
                outcome[path] = .deleted
                continue
            }
            // Both renamed the same file to this path: its old version is the base.
            let origin = changes1.origins[path].flatMap { $0 == changes2.origins[path] ? $0 : nil }
            try mergeFile(at: path, base: try baseVersion(origin ?? path), first: v1, second: v2)
        }

        // A file or link on one side where the other has files in a folder of that name: one
        // tree cannot hold both. The folder stays; the file moves beside it, recorded.
        for path in try fileFolderClashes(outcome, firstTree: first.tree) {
            var version = FileVersion.deleted
            if let known = outcome[path] { version = known } else { version = try baseVersionInTree(path, first.tree) }
            let fromSecond = outcome[path] != nil && changes2.versions[path]?.id == version.id && changes1.versions[path]?.id != version.id
            let moved = fromSecond ? second.side : first.side
            let copy = try freePath(for: EntryMerger.conflictPath(for: path, device: moved.device),
                                    first: first.tree, second: second.tree, taken: outcome)
            outcome[copy] = version
            outcome[path] = .deleted
            // The folder stays at the path: the side whose file moved did not keep it.
            conflicts.append(.file(at: path, copy: copy, first: first.side, second: second.side, firstStays: fromSecond))
        }

        let records = conflicts.map(ConflictRecord.init)
        for record in records {
            outcome[record.path] = .content(try repository.writeBlob(Data(record.text.utf8)), mode: FileMode.blob)
        }
        var updates: [TreeUpdate] = []
        for (path, version) in outcome.entries {
            switch version {
            case .content(let id, let mode):
                updates.append(.upsert(path: path, id: id, mode: mode))
            case .deleted:
                // Removing a path first's tree lacks is an error in libgit2, and a no-op here.
                // A folder there (the file moved beside it) keeps its other files.
                if let entry = try repository.treeEntry(path: path, inTree: first.tree), entry.mode != FileMode.tree {
                    updates.append(.remove(path: path))
                }
            }
        }
        let tree = updates.isEmpty ? first.tree : try repository.updatedTree(first.tree, applying: updates)
        return TreeMergeResult(tree: tree, mergedPaths: mergedPaths.sorted(), conflicts: records)
    }

    /// Paths where the merged tree would hold a file (or link) and, under the same name, a
    /// folder with files: `outcome` applied on `firstTree`.
    private func fileFolderClashes(_ outcome: PathMap<FileVersion>, firstTree: ObjectID) throws(GitError) -> [String] {
        var candidates = PathSet()
        // Folders holding a file of the merge: found in one pass, not one scan per file.
        var folders = PathSet()
        for (path, version) in outcome.entries where version.id != nil {
            candidates.insert(path)
            var index = path.startIndex
            while let slash = path[index...].firstIndex(of: "/") {
                candidates.insert(String(path[..<slash]))
                folders.insert(String(path[..<slash]))
                index = path.index(after: slash)
            }
        }
        var clashes: [String] = []
        for path in candidates.sorted {
            let entry = try repository.treeEntry(path: path, inTree: firstTree)
            let isFile: Bool
            if let version = outcome[path] {
                isFile = version.id != nil
            } else {
                isFile = entry.map { $0.mode != FileMode.tree } ?? false
            }
            guard isFile else { continue }
            let prefix = path + "/"
            var hasFolder = folders.contains(path)
            if !hasFolder, let entry, entry.mode == FileMode.tree {
                hasFolder = try repository.treeChanges(from: nil, to: entry.id, detectRenames: false).contains { change in
                    guard let inner = change.newPath else { return false }
                    if case .deleted? = outcome[prefix + inner] { return false }
                    return true
                }
            }
            if hasFolder { clashes.append(path) }
        }
        return clashes
    }

    /// A path's version in a tree (deleted when absent).
    private func baseVersionInTree(_ path: String, _ tree: ObjectID) throws(GitError) -> FileVersion {
        guard let entry = try repository.treeEntry(path: path, inTree: tree) else { return .deleted }
        return .content(entry.id, mode: entry.mode)
    }

    /// `path`, or `name-2.ext`, `name-3.ext`... : the first name neither tip nor the merge so far uses.
    private func freePath(for path: String, first: ObjectID, second: ObjectID, taken: PathMap<FileVersion>) throws(GitError) -> String {
        var candidate = path
        var number = 1
        func used(_ name: String) throws(GitError) -> Bool {
            if taken[name] != nil { return true }
            if try repository.treeEntry(path: name, inTree: first) != nil { return true }
            return try repository.treeEntry(path: name, inTree: second) != nil
        }
        while try used(candidate) {
            number += 1
            let url = URL(fileURLWithPath: path)
            let ext = url.pathExtension
            let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
            candidate = ext.isEmpty ? "\(stem)-\(number)" : "\(stem)-\(number).\(ext)"
        }
        return candidate
    }

    private func data(_ version: FileVersion) throws(GitError) -> Data? {
        guard let id = version.id else { return nil }
        return try repository.blob(id)
    }

    private func mode(of version: FileVersion) -> UInt32? {
        if case .content(_, let mode) = version { return mode }
        return nil
    }
}
