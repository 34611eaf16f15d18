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
    /// `git_packbuilder_write` into the remote's `objects/pack`, then
    /// `git_reference_create_matching` (`git_reference_create` without force for a new branch)
    /// in the remote, and moves the matching remote-tracking reference here.
    /// - Throws: `GitError` with `.rejected` when the remote's branch holds commits this
    ///   repository lacks or moved meanwhile, `.locked` when its lock file is taken (the message
    ///   names it).
    func pushToFolder(_ folder: String, remote handle: OpaquePointer, refspec: String,
                      context: RemoteCallbackContext) throws(GitError) -> Bool {
        let operation = context.operation
        let parts = refspec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].hasPrefix("+"), parts[1].hasPrefix("refs/heads/"),
              let source = try? referenceTarget(parts[0]),
              let target = try? Repository.open(at: URL(fileURLWithPath: folder)), target.isBare
        else { return false }
        let destination = parts[1]
        let current = try target.referenceTarget(destination)
        if let current, current != source {
            let known = (try? commit(current)) != nil
            guard known, try isDescendant(source, of: current) else {
                throw GitError(code: .rejected, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                               message: "the remote's \(destination) has commits that are not in what you push (not a fast-forward); fetch and merge first",
                               operation: operation)
            }
        }
        if current != source {
            try writePack(from: source, hiding: current, into: target, context: context)
            var reference: OpaquePointer?
            var new = source.oid
            let result: Int32
            if var old = current?.oid {
                result = git_reference_create_matching(&reference, target.pointer, destination, &new, 1, &old, "push")
            } else {
                result = git_reference_create(&reference, target.pointer, destination, &new, 0, "push")
            }
            if result == GitError.Code.modified.rawValue || result == GitError.Code.exists.rawValue {
                throw GitError(code: .rejected, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                               message: "another push moved the remote's \(destination) meanwhile; fetch and merge first",
                               operation: operation)
            }
            guard result == 0 else {
                let error = GitError.last(result, operation: operation)
                throw GitError(code: error.code == .locked ? .locked : error.code, errorClass: error.errorClass,
                               message: error.message, operation: operation)
            }
            git_reference_free(reference)
        }
        try updateTracking(of: handle, remoteReference: destination, to: source)
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
        let packFolder = target.gitDirectory.appending(path: "objects/pack").path(percentEncoded: false)
        let payload = Unmanaged.passUnretained(context).toOpaque()
        let result = withExtendedLifetime(context) {
            git_packbuilder_write(builder, packFolder, 0, { stats, payload in
                guard let stats = stats?.pointee, let payload else { return 0 }
                Unmanaged<RemoteCallbackContext>.fromOpaque(payload).takeUnretainedValue().options.progress?(TransferProgress(
                    receivedObjects: Int(stats.received_objects), totalObjects: Int(stats.total_objects),
                    indexedObjects: Int(stats.indexed_objects), receivedBytes: Int(stats.received_bytes)
                ))
                return 0
            }, payload)
        }
        try GitError.check(result, operation: operation, path: packFolder)
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
