internal import Clibgit2
import Foundation

extension Repository {
    /// Moves the branch `name` of this (bare, folder remote) repository from `expected` (nil: it
    /// must not exist) to `new` under a lock file this process takes itself, as git's
    /// receive-pack does: `name.lock` created exclusively, the commit written and flushed, the
    /// old value checked under the lock, the lock renamed into place.
    ///
    /// Taken here rather than inside `git_reference_create_matching` so that the caller learns
    /// the lock's identity while it is held (``NetworkOptions/folderLockTaken``, then
    /// ``NetworkOptions/folderLockReleased``): a process killed in between leaves a lock that a
    /// record of that identity can prove its own. Nothing else is locked: a loose reference
    /// written here overrides a packed one, as git's does, so `packed-refs` is not touched.
    /// A reflog entry is appended as libgit2 would (a bare repository keeps none unless
    /// `core.logAllRefUpdates` says so).
    /// - Throws: `GitError` with `.locked` when the lock file exists (the message names it, as
    ///   libgit2's does), `.rejected` when the branch is not at `expected`, `.invalidSpec` for a
    ///   malformed name.
    func moveFolderBranch(_ name: String, from expected: ObjectID?, to new: ObjectID, options: NetworkOptions,
                          operation: String) throws(GitError) {
        var valid: Int32 = 0
        guard name.hasPrefix("refs/"), git_reference_name_is_valid(&valid, name) == 0, valid == 1 else {
            throw GitError(code: .invalidSpec, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                           message: "'\(name)' is not a valid reference name", operation: operation, path: name)
        }
        let referencePath = gitDirectory.appending(path: name).path(percentEncoded: false)
        let lockPath = referencePath + ".lock"
        try? FileManager.default.createDirectory(atPath: (referencePath as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let descriptor = openFile(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            let error = errno
            throw GitError(code: error == EEXIST ? .locked : .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                           message: "failed to lock file '\(lockPath)' for writing: \(String(cString: strerror(error)))",
                           operation: operation, path: lockPath)
        }
        var isOpen = true
        var published = false
        let value = new.description
        let line = Array((value + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        var info = stat()
        guard written == line.count, fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(lockPath)
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                           message: "cannot write '\(lockPath)': \(reason)", operation: operation, path: lockPath)
        }
        let lock = FolderRefLock(path: lockPath, stat: FileStat(info), value: value)
        options.folderLockTaken?(lock)
        // Declared first, so it runs last: the record goes once the lock file is gone.
        defer { options.folderLockReleased?(lock) }
        defer {
            if isOpen { close(descriptor) }
            if !published { unlink(lockPath) }
        }
        let current = try referenceTarget(name)
        guard current == expected else {
            throw GitError(code: .rejected, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                           message: "the remote's \(name) moved from \(expected?.description ?? "nothing") to \(current?.description ?? "nothing") during the push; it was not changed",
                           operation: operation)
        }
        isOpen = false
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(lockPath, referencePath) == 0 else {
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                           message: "cannot write \(referencePath): \(String(cString: strerror(errno)))", operation: operation, path: referencePath)
        }
        published = true
        appendReflog(name, from: expected, to: new, message: "push")
    }

    /// Appends a reflog entry for `name` when libgit2 would have written one: always with
    /// `core.logAllRefUpdates=always`, and with `true` for branches or where a reflog exists
    /// (a bare repository's default is false). Appended in place, as libgit2 and git append,
    /// so no lock is taken. Best effort: the reference has moved already.
    private func appendReflog(_ name: String, from old: ObjectID?, to new: ObjectID, message: String) {
        let setting = ((try? configString("core.logAllRefUpdates")) ?? nil)?.lowercased()
        let logPath = gitDirectory.appending(path: "logs/" + name).path(percentEncoded: false)
        let always = setting == "always"
        let enabled = always || ["true", "yes", "on", "1"].contains(setting ?? (isBare ? "false" : "true"))
        guard enabled, always || name.hasPrefix("refs/heads/") || FileManager.default.fileExists(atPath: logPath) else { return }
        var signature: UnsafeMutablePointer<git_signature>?
        if git_signature_default(&signature, pointer) != 0 {
            _ = git_signature_now(&signature, "unknown", "unknown")
        }
        guard let signature else { return }
        defer { git_signature_free(signature) }
        let who = signature.pointee
        let offset = Int(who.when.offset)
        let zone = String(format: "%@%02d%02d", offset < 0 ? "-" : "+", abs(offset) / 60, abs(offset) % 60)
        let zero = String(repeating: "0", count: new.description.count)
        let entry = "\(old?.description ?? zero) \(new.description) \(String(cString: who.name)) <\(String(cString: who.email))> \(who.when.time) \(zone)\t\(message)\n"
        try? FileManager.default.createDirectory(atPath: (logPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = openFile(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(entry.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}

/// open(2), at file scope, where `open` does not mean `Repository.open`.
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
