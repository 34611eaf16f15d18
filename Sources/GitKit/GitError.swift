internal import Clibgit2

/// A failed libgit2 call, with libgit2's code, class and message plus the GitKit operation
/// (and path, when there is one) that was being attempted.
public struct GitError: Error, CustomStringConvertible, Sendable {
    /// libgit2's return code (`git_error_code`).
    public var code: Code
    /// libgit2's error class (`git_error_t`, one of the `GIT_ERROR_*` values); 0 when libgit2
    /// set no error detail.
    public var errorClass: Int32
    /// libgit2's own message, as returned by `git_error_last()`.
    public var message: String
    /// The GitKit operation that failed, phrased so that "cannot <operation>" reads well,
    /// e.g. "open repository".
    public var operation: String
    /// The file system path or repository path the operation worked on, if any.
    public var path: String?
    /// What GitKit found out about the failure itself (an unknown ssh host, a timeout), if anything.
    public var cause: Cause?

    /// Creates an error from its parts; GitKit builds these from `git_error_last()`.
    public init(code: Code, errorClass: Int32, message: String, operation: String, path: String? = nil, cause: Cause? = nil) {
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.operation = operation
        self.path = path
        self.cause = cause
    }

    /// A readable name for `errorClass`, such as "repository" or "config".
    public var errorClassName: String {
        let names = [
            "none", "no memory", "os", "invalid", "reference", "zlib", "repository", "config",
            "regex", "odb", "index", "object", "net", "tag", "tree", "indexer", "ssl",
            "submodule", "thread", "stash", "checkout", "fetchhead", "merge", "ssh", "filter",
            "revert", "callback", "cherrypick", "describe", "rebase", "filesystem", "patch",
            "worktree", "sha", "http", "internal",
        ]
        return names.indices.contains(Int(errorClass)) ? names[Int(errorClass)] : "class \(errorClass)"
    }

    /// The repository extension that made libgit2 refuse to open a repository, lowercased as
    /// libgit2 reports it (e.g. "worktreeconfig"), or nil when this error is about something else.
    public var unsupportedExtension: String? {
        let prefix = "unsupported extension name "
        guard message.hasPrefix(prefix) else { return nil }
        var name = Substring(message.dropFirst(prefix.count))
        if name.hasPrefix("extensions.") { name = name.dropFirst("extensions.".count) }
        return name.isEmpty ? nil : String(name)
    }

    /// "cannot <operation> at <path>: <explanation>"; unsupported repository extensions get
    /// an explanation a user can act on instead of libgit2's terse message.
    public var description: String {
        var text = "cannot \(operation)"
        if let path { text += " at \(path)" }
        return text + ": " + (unsupportedExtensionExplanation ?? message)
    }

    private var unsupportedExtensionExplanation: String? {
        guard let name = unsupportedExtension else { return nil }
        // libgit2 lowercases the key; git accepts either spelling, but the documented one
        // is friendlier to paste.
        let spelled = [
            "worktreeconfig": "worktreeConfig", "partialclone": "partialClone",
            "objectformat": "objectFormat", "preciousobjects": "preciousObjects",
            "refstorage": "refStorage",
        ][name] ?? name
        let head = "the repository uses the git extension '\(name)', which libgit2 1.5 (used by hearth) does not support"
        switch name {
        case "objectformat", "refstorage":
            // These change the on-disk format; unsetting them would corrupt the repository.
            return head + "; it cannot be removed without converting the repository"
        default:
            return head + "; remove it with `git config --unset extensions.\(spelled)` if you do not need it"
        }
    }
}

extension GitError {
    /// Builds an error from libgit2's thread-local error state. Call it immediately after the
    /// failing call, on the same thread, before any other libgit2 call can overwrite it.
    static func last(_ result: Int32, operation: String, path: String? = nil) -> GitError {
        let code = Code(rawValue: result)
        if let detail = git_error_last(), let cMessage = detail.pointee.message {
            return GitError(
                code: code, errorClass: detail.pointee.klass,
                message: String(cString: cMessage), operation: operation, path: path
            )
        }
        return GitError(code: code, errorClass: 0, message: "libgit2 error \(result)", operation: operation, path: path)
    }

    /// Throws `last(_:operation:path:)` when `result` is negative, libgit2's failure convention.
    static func check(_ result: Int32, operation: String, path: String? = nil) throws(GitError) {
        if result < 0 { throw last(result, operation: operation, path: path) }
    }
}
