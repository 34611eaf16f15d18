extension GitError {
    /// libgit2's `git_error_code`, as an extensible set of named values.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The raw `GIT_E*` value.
        public var rawValue: Int32
        /// Wraps a raw `git_error_code` value.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// `GIT_ERROR`: generic failure.
        public static let generic = Code(rawValue: -1)
        /// `GIT_ENOTFOUND`: the requested object, reference, path or repository does not exist.
        public static let notFound = Code(rawValue: -3)
        /// `GIT_EEXISTS`: the object already exists.
        public static let exists = Code(rawValue: -4)
        /// `GIT_EAMBIGUOUS`: more than one object matches.
        public static let ambiguous = Code(rawValue: -5)
        /// `GIT_EBUFS`: output buffer too short.
        public static let bufferTooShort = Code(rawValue: -6)
        /// `GIT_EUSER`: a user callback asked to stop.
        public static let user = Code(rawValue: -7)
        /// `GIT_EBAREREPO`: the operation needs a work tree.
        public static let bareRepository = Code(rawValue: -8)
        /// `GIT_EUNBORNBRANCH`: HEAD points at a branch with no commits.
        public static let unbornBranch = Code(rawValue: -9)
        /// `GIT_EUNMERGED`: a merge is in progress.
        public static let unmerged = Code(rawValue: -10)
        /// `GIT_ENONFASTFORWARD`: the reference cannot be fast-forwarded.
        public static let nonFastForward = Code(rawValue: -11)
        /// `GIT_EINVALIDSPEC`: malformed revision spec or reference name.
        public static let invalidSpec = Code(rawValue: -12)
        /// `GIT_ECONFLICT`: checkout conflicts with the work tree.
        public static let conflict = Code(rawValue: -13)
        /// `GIT_ELOCKED`: a lock file is in the way.
        public static let locked = Code(rawValue: -14)
        /// `GIT_EMODIFIED`: the reference changed since it was read (compare-and-swap lost).
        public static let modified = Code(rawValue: -15)
        /// `GIT_EAUTH`: authentication failed.
        public static let auth = Code(rawValue: -16)
        /// `GIT_ECERTIFICATE`: the server certificate is invalid.
        public static let certificate = Code(rawValue: -17)
        /// `GIT_EAPPLIED`: the patch or merge is already applied.
        public static let applied = Code(rawValue: -18)
        /// `GIT_EPEEL`: the object cannot be peeled to the requested type.
        public static let peel = Code(rawValue: -19)
        /// `GIT_EEOF`: unexpected end of file.
        public static let eof = Code(rawValue: -20)
        /// `GIT_EINVALID`: invalid operation or input.
        public static let invalid = Code(rawValue: -21)
        /// `GIT_EUNCOMMITTED`: uncommitted changes in the index prevent the operation.
        public static let uncommitted = Code(rawValue: -22)
        /// `GIT_EDIRECTORY`: the operation is not valid for a directory.
        public static let directory = Code(rawValue: -23)
        /// `GIT_EMERGECONFLICT`: a merge conflict exists and cannot continue.
        public static let mergeConflict = Code(rawValue: -24)
        /// `GIT_PASSTHROUGH`: a callback declined to act.
        public static let passthrough = Code(rawValue: -30)
        /// `GIT_ITEROVER`: an iteration has finished.
        public static let iterOver = Code(rawValue: -31)
        /// `GIT_RETRY`: internal retry signal.
        public static let retry = Code(rawValue: -32)
        /// `GIT_EMISMATCH`: hashsum mismatch in an object.
        public static let mismatch = Code(rawValue: -33)
        /// `GIT_EINDEXDIRTY`: unsaved index changes would be overwritten.
        public static let indexDirty = Code(rawValue: -34)
        /// `GIT_EAPPLYFAIL`: a patch could not be applied.
        public static let applyFail = Code(rawValue: -35)
        /// `GIT_EOWNER`: the repository is owned by another user (git's `safe.directory` check).
        public static let owner = Code(rawValue: -36)
        /// `GIT_TIMEOUT` (libgit2 1.7's value): the remote did not answer in time. libgit2 1.5 never
        /// returns it; GitKit's watchdog does, after cutting a connection that stayed silent for
        /// `NetworkOptions.timeout`.
        public static let timeout = Code(rawValue: -37)
        /// Not a libgit2 code (GitKit's own, outside libgit2's range): the remote refused to update
        /// a reference on push, either because the push was not a fast-forward (libgit2's
        /// `GIT_ENONFASTFORWARD`, detected before sending) or because the server said no (reported
        /// only through `push_update_reference`). The message names the reference and the reason.
        public static let rejected = Code(rawValue: -1000)
        /// Not a libgit2 code (GitKit's own): the push went to a folder remote that has a work
        /// tree. git refuses to push into a checked-out branch, and libgit2's folder push would
        /// move the branch without compare-and-swap; only bare repositories are pushed to.
        public static let remoteNotBare = Code(rawValue: -1001)

        /// The symbolic name, e.g. "notFound", or the raw number for unknown codes.
        public var description: String {
            let names: [Int32: String] = [
                -1: "generic", -3: "notFound", -4: "exists", -5: "ambiguous", -6: "bufferTooShort",
                -7: "user", -8: "bareRepository", -9: "unbornBranch", -10: "unmerged",
                -11: "nonFastForward", -12: "invalidSpec", -13: "conflict", -14: "locked",
                -15: "modified", -16: "auth", -17: "certificate", -18: "applied", -19: "peel",
                -20: "eof", -21: "invalid", -22: "uncommitted", -23: "directory",
                -24: "mergeConflict", -30: "passthrough", -31: "iterOver", -32: "retry",
                -33: "mismatch", -34: "indexDirty", -35: "applyFail", -36: "owner", -37: "timeout",
                -1000: "rejected", -1001: "remoteNotBare",
            ]
            return names[rawValue] ?? "code \(rawValue)"
        }
    }
}
