internal import Clibgit2
import Foundation

extension Repository {
    /// Moves the branch `name` of this (bare, folder remote) repository from `expected` (nil: it
    /// must not exist) to `new` under a lock file this process takes itself, as git's
    /// receive-pack does: `name.lock` taken exclusively, the commit written and flushed, the
    /// old value checked under the lock, the lock renamed into place and the folder flushed.
    ///
    /// A symbolic `name` (`refs/heads/main` -> `refs/heads/trunk`) is resolved first, without
    /// reading through any lock, and the reference it ends at is the one locked, checked and
    /// moved, as git moves it; one that names a missing reference creates it, as a first push.
    ///
    /// Taken here rather than inside `git_reference_create_matching` so that the caller learns
    /// of the lock before it exists (``NetworkOptions/folderLockTaking``: its path and its twin's,
    /// see ``FolderRefLock``), then while it is held (``NetworkOptions/folderLockTaken``), then
    /// once it is gone (``NetworkOptions/folderLockReleased``): a process killed anywhere in
    /// between leaves files that a record made at the first call proves its own. Nothing else is
    /// locked: a loose reference written here overrides a packed one, as git's does, so
    /// `packed-refs` is not touched.
    /// The lock file gets the permissions `core.sharedRepository` asks for before it is reported;
    /// reflog entries are appended where git would append them (`appendReflogs`).
    /// - Throws: `GitError` with `.locked` when the lock file exists (the message names it, as
    ///   libgit2's does), `.rejected` when the branch is not at `expected`, `.invalidSpec` for a
    ///   malformed name or a symbolic chain that does not end inside `refs/`.
    func moveFolderBranch(_ name: String, from expected: ObjectID?, to new: ObjectID, options: NetworkOptions,
                          operation: String) throws(GitError) {
        let chain = try symbolicChain(name, operation: operation)
        let final = chain[chain.count - 1]
        var valid: Int32 = 0
        guard final.hasPrefix("refs/"), git_reference_name_is_valid(&valid, final) == 0, valid == 1 else {
            throw GitError(code: .invalidSpec, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                           message: "'\(final)' is not a valid reference name", operation: operation, path: final)
        }
        let referencePath = gitDirectory.appending(path: final).path(percentEncoded: false)
        let referenceFolder = (referencePath as NSString).deletingLastPathComponent
        let lockPath = referencePath + ".lock"
        let shared = (try? configString("core.sharedRepository")) ?? nil
        try? FileManager.default.createDirectory(atPath: referenceFolder, withIntermediateDirectories: true)
        let value = new.description
        let (descriptor, lock) = try takeFolderLock(lockPath, value: value, shared: shared, options: options, operation: operation)
        var isOpen = true
        var published = false
        options.folderLockTaken?(lock)
        defer {
            if isOpen { close(descriptor) }
            // The twin goes only now: until the branch has moved, it proves the lock this push's.
            // Each file is removed only while it is this push's, and the record released only
            // once both are gone: one that cannot be removed (a stick pulled, a share gone
            // read-only) keeps its record, for the next sync to prove and remove.
            let lockGone = published || Self.removeIfSame(lockPath, as: lock.stat)
            // The twin stays while the lock does: it is what proves the lock this push's.
            let twinGone = !lock.isTwinned || (lockGone && Self.removeIfSame(lock.twin, as: lock.stat))
            if lockGone && twinGone { options.folderLockReleased?(lock) }
        }
        // The final reference's own value, read now that its lock is held: what git checks.
        let current = try referenceTarget(final)
        guard current == expected else {
            throw GitError(code: .rejected, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                           message: "the remote's \(final) moved from \(expected?.description ?? "nothing") to \(current?.description ?? "nothing") during the push; it was not changed",
                           operation: operation)
        }
        let synced = fsync(descriptor) == 0 ? 0 : errno
        // Closed whatever fsync said, so that a failure does not leak the descriptor.
        isOpen = false
        let closed = close(descriptor) == 0 ? 0 : errno
        let failure: Int32 = synced != 0 ? synced : closed != 0 ? closed
            : rename(lockPath, referencePath) != 0 ? errno : 0
        guard failure == 0 else {
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                           message: "cannot write \(referencePath): \(String(cString: strerror(failure)))", operation: operation, path: referencePath)
        }
        published = true
        // The rename is durable once its folder is flushed, as the pack's renames are.
        _ = syncToDisk(path: referenceFolder)
        appendReflogs(chain, from: expected, to: new, message: "push")
    }

    /// Takes the lock at `lockPath` holding `value` and a newline, with the permissions
    /// `core.sharedRepository` (`shared`) asks for, and returns its open descriptor and identity.
    ///
    /// ``NetworkOptions/folderLockTaking`` hears of the lock and its twin before either exists;
    /// the lock is written under the twin's name, then linked to `lockPath` (which fails when the
    /// lock is taken, as `O_EXCL` does). Where the file system has no hard links, the lock is
    /// created under its name directly instead and has no twin. On failure nothing is left: no
    /// file, and ``NetworkOptions/folderLockReleased`` told.
    private func takeFolderLock(_ lockPath: String, value: String, shared: String?, options: NetworkOptions,
                                operation: String) throws(GitError) -> (Int32, FolderRefLock) {
        // `main.hearth-taking-PID-RANDOM.lock`: ends in `.lock` and starts with no dot, so git
        // neither reads it as a reference nor reports it (`git refs verify` checks dot files).
        let twin = String(lockPath.dropLast(".lock".count)) + ".hearth-taking-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).lock"
        var lock = FolderRefLock(path: lockPath, gitDirectory: gitDirectory.path(percentEncoded: false), twin: twin, value: value)
        options.folderLockTaking?(lock)
        func fail(_ error: Int32, _ message: String, code: GitError.Code = .generic, path: String) -> GitError {
            // A twin that could not be removed keeps its record, for the next sync.
            if FileStat.of(twin) == nil { options.folderLockReleased?(lock) }
            return GitError(code: code, errorClass: Int32(GIT_ERROR_OS.rawValue),
                            message: "\(message): \(String(cString: strerror(error)))", operation: operation, path: path)
        }
        guard var descriptor = writeLockFile(twin, value: value, shared: shared) else {
            throw fail(errno, "failed to lock file '\(lockPath)' for writing (its twin '\(twin)')", path: lockPath)
        }
        var info = stat()
        // NFS may answer a retried link that did succeed with EEXIST: the twin's link count says.
        if link(twin, lockPath) != 0, !(errno == EEXIST && fstat(descriptor, &info) == 0 && info.st_nlink == 2) {
            let error = errno
            close(descriptor)
            unlink(twin)
            // No hard links here: the lock is made under its name, and identified once it exists.
            guard [EPERM, EOPNOTSUPP, ENOTSUP, ENOSYS, EMLINK].contains(error) else {
                throw fail(error, "failed to lock file '\(lockPath)' for writing", code: error == EEXIST ? .locked : .generic, path: lockPath)
            }
            lock.isTwinned = false
            guard let direct = writeLockFile(lockPath, value: value, shared: shared) else {
                let error = errno
                throw fail(error, "failed to lock file '\(lockPath)' for writing", code: error == EEXIST ? .locked : .generic, path: lockPath)
            }
            descriptor = direct
        }
        // Stat data after the link, which changed the status change time.
        guard fstat(descriptor, &info) == 0 else {
            let error = errno
            close(descriptor)
            unlink(lockPath)
            if lock.isTwinned { unlink(twin) }
            throw fail(error, "cannot write '\(lockPath)'", path: lockPath)
        }
        let held = FileStat(info)
        lock.stat = held
        // A link that does not show as the same file (CIFS with `noserverino` numbers each name
        // on its own) proves nothing: the lock is then identified by its stat data, as without
        // hard links.
        if lock.isTwinned, let named = FileStat.of(lockPath), named.device != held.device || named.inode != held.inode {
            unlink(twin)
            lock.isTwinned = false
            // The lock's own stat data, read after the twin went (which changed its status time).
            lock.stat = FileStat.of(lockPath) ?? named
        }
        return (descriptor, lock)
    }

    /// Removes `path` if it is still the file `stat` describes (same device and inode); whether
    /// that file is gone from there (removed now, or already gone or replaced by another).
    private static func removeIfSame(_ path: String, as stat: FileStat?) -> Bool {
        guard let now = FileStat.of(path) else { return errno == ENOENT }
        guard let stat, now.device == stat.device, now.inode == stat.inode else { return true }
        return unlink(path) == 0 || errno == ENOENT
    }

    /// Creates `path` exclusively and writes `value` and a newline into it, with the permissions
    /// `core.sharedRepository` asks for; returns the open descriptor, or nil with `errno` set and
    /// nothing left behind (a file it created and could not write is removed again).
    private func writeLockFile(_ path: String, value: String, shared: String?) -> Int32? {
        let descriptor = openFile(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return nil }
        let line = Array((value + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        var info = stat()
        // The permissions are set before the lock is reported: a later chmod would change the
        // ctime the caller records, and a lock killed then could no longer be proven its own.
        if written == line.count, fstat(descriptor, &info) == 0, let mode = Self.sharedMode(shared, for: mode_t(info.st_mode)) {
            _ = fchmod(descriptor, mode)
        }
        guard written == line.count else {
            let error = written < 0 ? errno : ENOSPC
            close(descriptor)
            unlink(path)
            errno = error
            return nil
        }
        return descriptor
    }

    /// `name` and the references it points to, one symbolic step at a time, ending at a direct
    /// reference or a missing one; read from the references themselves, never from a lock file.
    private func symbolicChain(_ name: String, operation: String) throws(GitError) -> [String] {
        var chain = [name]
        // libgit2's and git's limit on nested symbolic references.
        while chain.count <= 5 {
            let last = chain[chain.count - 1]
            var reference: OpaquePointer?
            let found = git_reference_lookup(&reference, pointer, last)
            if found == GitError.Code.notFound.rawValue { return chain }
            try GitError.check(found, operation: operation, path: last)
            defer { git_reference_free(reference) }
            guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(reference) else {
                return chain
            }
            chain.append(String(cString: target))
        }
        throw GitError(code: .invalidSpec, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                       message: "'\(name)' is a chain of more than 5 symbolic references (\(chain.joined(separator: " -> ")))",
                       operation: operation, path: name)
    }

    /// Appends a reflog entry where git's files backend writes one for a push moving `chain`'s
    /// last reference through the others: to every name in the chain, and to `HEAD` when it
    /// points (one step) at one of them. A log is created only as `core.logAllRefUpdates` asks
    /// (`always`: any; `true`, the default outside bare repositories: branches and `HEAD`); an
    /// existing log is appended to whatever the setting. Appended in place, as git appends, so no
    /// lock is taken. Best effort: the reference has moved already.
    private func appendReflogs(_ chain: [String], from old: ObjectID?, to new: ObjectID, message: String) {
        var names = chain
        var head: OpaquePointer?
        if git_reference_lookup(&head, pointer, "HEAD") == 0 {
            if git_reference_type(head) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(head),
               chain.contains(String(cString: target)) {
                names.append("HEAD")
            }
            git_reference_free(head)
        }
        let setting = ((try? configString("core.logAllRefUpdates")) ?? nil)?.lowercased() ?? (isBare ? "false" : "true")
        let always = setting == "always"
        let normal = ["true", "yes", "on", "1"].contains(setting)
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
        let entry = Array("\(old?.description ?? zero) \(new.description) \(String(cString: who.name)) <\(String(cString: who.email))> \(who.when.time) \(zone)\t\(message)\n".utf8)
        for name in names {
            let logPath = gitDirectory.appending(path: "logs/" + name).path(percentEncoded: false)
            let create = always || (normal && (["refs/heads/", "refs/remotes/", "refs/notes/"].contains { name.hasPrefix($0) } || name == "HEAD"))
            if create {
                try? FileManager.default.createDirectory(atPath: (logPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            }
            let descriptor = openFile(logPath, O_WRONLY | O_APPEND | O_CLOEXEC | (create ? O_CREAT : 0), 0o666)
            guard descriptor >= 0 else { continue }
            _ = entry.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
    }

    /// The mode git's `adjust_shared_perm` gives a file of `mode` under `core.sharedRepository`
    /// = `setting`; nil when it leaves the mode alone (unset, `umask`, false, or a value git
    /// rejects).
    static func sharedMode(_ setting: String?, for mode: mode_t) -> mode_t? {
        guard let setting = setting?.lowercased() else { return nil }
        // git_config_perm: names, then an octal number (0, 1, 2 are the old names), then a boolean.
        let shared: Int
        switch setting {
        case "umask": return nil
        case "group": shared = 0o660
        case "all", "world", "everybody": shared = 0o664
        default:
            if let number = Int(setting, radix: 8) {
                switch number {
                case 0: return nil
                case 1: shared = 0o660
                case 2: shared = 0o664
                default:
                    guard number & 0o600 == 0o600 else { return nil }
                    shared = -(number & 0o666)
                }
            } else if ["true", "yes", "on"].contains(setting) {
                shared = 0o660
            } else {
                return nil
            }
        }
        // calc_shared_perm, for a file.
        var tweak = abs(shared)
        if Int(mode) & Int(S_IWUSR) == 0 { tweak &= ~0o222 }
        if Int(mode) & Int(S_IXUSR) != 0 { tweak |= (tweak & 0o444) >> 2 }
        let adjusted = shared < 0 ? (Int(mode) & ~0o777) | tweak : Int(mode) | tweak
        return adjusted & 0o777 == Int(mode) & 0o777 ? nil : mode_t(adjusted & 0o7777)
    }
}

/// open(2), at file scope, where `open` does not mean `Repository.open`.
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
