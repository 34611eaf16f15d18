internal import Clibgit2
import Foundation

extension Repository {
    /// Pushes `refspec` ("refs/heads/main:refs/heads/main", no `+`) into the bare repository at
    /// `folder` on this file system, moving the remote's branch with compare-and-swap; returns
    /// false, having done nothing, when this is not such a push (the caller then uses
    /// `git_remote_push`, whose errors say what is wrong).
    ///
    /// libgit2 1.5's own push into a folder checks that the push is a fast-forward when it
    /// connects, then force-writes the branch after the objects: a device that pushed in between
    /// is silently replaced (three devices syncing at once had 4 to 14 of 90 pushes replaced that
    /// way). Here the branch moves only from the commit it was checked against, under its lock,
    /// as git's receive-pack does.
    ///
    /// Calls `git_revwalk_push`, `git_revwalk_hide`, `git_packbuilder_insert_walk`,
    /// `git_packbuilder_write` into a quarantine folder in the remote, from which the pack is
    /// published durably (``publishPack(from:into:operation:)``), then moves the remote's branch
    /// under a lock taken here (``moveFolderBranch(_:from:to:options:operation:)``, which
    /// reports the lock while held), and moves the matching remote-tracking reference here (best effort).
    /// - Throws: `GitError` with `.rejected` when the remote's branch holds commits this
    ///   repository lacks or moved meanwhile, `.locked` when its lock file is taken (the message
    ///   names it), `.remoteNotBare` when the folder is a repository with a work tree.
    func pushToFolder(_ folder: String, remote handle: OpaquePointer, refspec: String,
                      context: RemoteCallbackContext) throws(GitError) -> Bool {
        let operation = context.operation
        let parts = refspec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let target = try? Repository.open(at: URL(fileURLWithPath: folder)) else { return false }
        guard target.isBare else {
            throw GitError(code: .remoteNotBare, errorClass: Int32(GIT_ERROR_REPOSITORY.rawValue),
                           message: "\(folder) is a repository with a work tree, not a bare one; nothing was pushed", operation: operation)
        }
        guard parts.count == 2, !parts[0].hasPrefix("+"), parts[1].hasPrefix("refs/heads/"),
              let source = try? referenceTarget(parts[0])
        else { return false }
        let destination = parts[1]
        let current = try target.referenceTarget(destination)
        if let current, current != source {
            let known = (try? commit(current)) != nil
            guard known, try isDescendant(source, of: current) else {
                throw GitError(code: .rejected, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                               message: "the remote's \(destination) is at \(current), which \(source) does not contain (not a fast-forward); nothing was pushed",
                               operation: operation)
            }
        }
        if current != source {
            try writePack(from: source, hiding: current, into: target, context: context)
            try target.moveFolderBranch(destination, from: current, to: source, options: context.options, operation: operation)
        }
        // The remote holds the push: a tracking ref held locked here (a git fetch the user runs)
        // must not make it a failure. The sync records it again afterwards.
        try? updateTracking(of: handle, remoteReference: destination, to: source)
        return true
    }

    /// Writes the objects `tip` needs that `hidden` (the remote's branch) does not have into
    /// `target`'s pack folder, as libgit2's folder push does.
    private func writePack(from tip: ObjectID, hiding hidden: ObjectID?, into target: Repository,
                           context: RemoteCallbackContext) throws(GitError) {
        let operation = context.operation
        var walk: OpaquePointer?
        try GitError.check(git_revwalk_new(&walk, pointer), operation: operation)
        defer { git_revwalk_free(walk) }
        var tipOID = tip.oid
        try GitError.check(git_revwalk_push(walk, &tipOID), operation: operation)
        if let hidden, (try? commit(hidden)) != nil {
            var hiddenOID = hidden.oid
            try GitError.check(git_revwalk_hide(walk, &hiddenOID), operation: operation)
        }
        var builder: OpaquePointer?
        try GitError.check(git_packbuilder_new(&builder, pointer), operation: operation)
        defer { git_packbuilder_free(builder) }
        try GitError.check(git_packbuilder_insert_walk(builder, walk), operation: operation)
        // Written into a quarantine folder beside the packs (as git's receive-pack does) and
        // published from there: libgit2 would put the .idx in place before the .pack, and sync
        // neither, so a crash could leave the remote's branch naming objects that are not on disk.
        let packFolder = target.gitDirectory.appending(path: "objects/pack").path(percentEncoded: false)
        let quarantine = target.gitDirectory.appending(path: "objects/incoming-hearth-\(UUID().uuidString)").path(percentEncoded: false)
        guard mkdir(quarantine, 0o755) == 0 else {
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                           message: "cannot create \(quarantine): \(String(cString: strerror(errno)))", operation: operation)
        }
        defer { try? FileManager.default.removeItem(atPath: quarantine) }
        let payload = Unmanaged.passUnretained(context).toOpaque()
        let result = withExtendedLifetime(context) {
            git_packbuilder_write(builder, quarantine, 0, { stats, payload in
                guard let stats = stats?.pointee, let payload else { return 0 }
                Unmanaged<RemoteCallbackContext>.fromOpaque(payload).takeUnretainedValue().options.progress?(TransferProgress(
                    receivedObjects: Int(stats.received_objects), totalObjects: Int(stats.total_objects),
                    indexedObjects: Int(stats.indexed_objects), receivedBytes: Int(stats.received_bytes)
                ))
                return 0
            }, payload)
        }
        try GitError.check(result, operation: operation, path: packFolder)
        try publishPack(from: quarantine, into: packFolder, operation: operation)
    }

    /// Moves the pack written into `quarantine` to `packFolder` durably: each file synced, the
    /// `.pack` renamed before its `.idx` (git reads a pack through its index), the folder synced
    /// after each rename, so that the remote's branch, moved afterwards, never names objects a
    /// crash could lose.
    func publishPack(from quarantine: String, into packFolder: String, operation: String) throws(GitError) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: quarantine)) ?? []).sorted()
        let ordered = names.filter { $0.hasSuffix(".pack") } + names.filter { !$0.hasSuffix(".pack") && !$0.hasSuffix(".idx") }
            + names.filter { $0.hasSuffix(".idx") }
        for name in ordered {
            let from = quarantine + "/" + name
            let to = packFolder + "/" + name
            guard syncToDisk(path: from), rename(from, to) == 0, syncToDisk(path: packFolder) else {
                throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                               message: "cannot write \(to) durably: \(String(cString: strerror(errno)))", operation: operation)
            }
        }
    }

    /// Moves the remote-tracking reference that `handle`'s fetch refspecs map `remoteReference`
    /// to (`refs/remotes/origin/main`), as git does after a push; nothing for an anonymous remote.
    private func updateTracking(of handle: OpaquePointer, remoteReference: String, to id: ObjectID) throws(GitError) {
        guard git_remote_name(handle) != nil else { return }
        for index in 0..<git_remote_refspec_count(handle) {
            guard let spec = git_remote_get_refspec(handle, index), git_refspec_direction(spec) == GIT_DIRECTION_FETCH,
                  git_refspec_src_matches(spec, remoteReference) != 0 else { continue }
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            try GitError.check(git_refspec_transform(&buffer, spec, remoteReference), operation: "update the remote-tracking reference")
            guard let name = buffer.ptr.map({ String(cString: $0) }) else { continue }
            var reference: OpaquePointer?
            var oid = id.oid
            try GitError.check(git_reference_create(&reference, pointer, name, &oid, 1, "update by push"),
                               operation: "update the remote-tracking reference", path: name)
            git_reference_free(reference)
        }
    }
}

/// Flushes the file or folder at `path` to disk. At file scope, where `open` means open(2) on
/// every platform, not `Repository.open`.
func syncToDisk(path: String) -> Bool {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return fsync(descriptor) == 0
}
