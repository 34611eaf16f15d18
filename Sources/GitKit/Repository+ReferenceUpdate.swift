internal import Clibgit2

extension Repository {
    /// The object a reference points at, following symbolic references, or nil when it does not
    /// exist; e.g. "refs/remotes/origin/main" or "HEAD" (nil while HEAD's branch is unborn).
    ///
    /// Calls `git_reference_name_to_id`.
    /// - Throws: `GitError` with `.invalidSpec` for a malformed name.
    public func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, name)
        if result == GitError.Code.notFound.rawValue { return nil }
        try GitError.check(result, operation: "read reference", path: name)
        return ObjectID(oid)
    }

    /// Compare-and-swap: points the direct reference `name` (e.g. "refs/heads/main") at
    /// `target` only if it currently points at `expected`, or, with `expected` nil, only if it
    /// does not exist yet. Writes a reflog entry with `message`.
    ///
    /// Calls `git_reference_create_matching` (or `git_reference_create` without force when
    /// `expected` is nil); libgit2 checks the old value under the reference's lock.
    /// - Throws: `GitError` with `.modified` when the reference is not where `expected` says
    ///   (moved, deleted, or created meanwhile); `.invalidSpec` for names outside `refs/`, so
    ///   that a symbolic HEAD is never replaced by a detached one.
    public func setReference(_ name: String, to target: ObjectID, expecting expected: ObjectID?, message: String) throws(GitError) {
        let operation = "update reference"
        guard name.hasPrefix("refs/") else {
            throw GitError(
                code: .invalidSpec, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                message: "'\(name)' is not a full reference name under refs/", operation: operation, path: name
            )
        }
        var targetOID = target.oid
        var reference: OpaquePointer?
        let result: Int32
        if let expected {
            var expectedOID = expected.oid
            result = git_reference_create_matching(&reference, pointer, name, &targetOID, 1, &expectedOID, message)
        } else {
            result = git_reference_create(&reference, pointer, name, &targetOID, 0, message)
        }
        if result == 0 {
            git_reference_free(reference)
            return
        }
        let failure = GitError.last(result, operation: operation, path: name)
        // libgit2 reports a missing reference (when one was expected) as not found, and an
        // existing one (when none was) as exists: both mean someone else moved it.
        let lostRace = result == GitError.Code.modified.rawValue
            || (expected != nil && result == GitError.Code.notFound.rawValue)
            || (expected == nil && result == GitError.Code.exists.rawValue)
        guard lostRace else { throw failure }
        let now = (try? referenceTarget(name)).flatMap { $0 }
        throw GitError(
            code: .modified, errorClass: failure.errorClass,
            message: "\(name) is at \(now.map(\.description) ?? "nothing"), not at \(expected.map(\.description) ?? "nothing") as expected (\(failure.message))",
            operation: operation, path: name
        )
    }
}

extension Repository {
    /// Deletes the reference `name`; nothing happens when it does not exist.
    ///
    /// Calls `git_reference_lookup` and `git_reference_delete`.
    public func deleteReference(_ name: String) throws(GitError) {
        var reference: OpaquePointer?
        let found = git_reference_lookup(&reference, pointer, name)
        if found == GitError.Code.notFound.rawValue { return }
        guard found == 0, let reference else { throw GitError.last(found, operation: "look up reference", path: name) }
        defer { git_reference_free(reference) }
        try GitError.check(git_reference_delete(reference), operation: "delete reference", path: name)
    }
}
