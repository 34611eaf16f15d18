internal import Clibgit2
import Foundation

extension Repository {
    /// The configured remotes, sorted by name.
    ///
    /// Lists the names as `git_remote_list` does (every `remote.<name>.url` and
    /// `remote.<name>.pushurl` entry), from a plain walk of the configuration (its regular
    /// expression leaks in libgit2 1.5.1: see ``configEntries()``), then `remote(named:)` for each.
    public func remotes() throws(GitError) -> [Remote] {
        let entries = try configEntries()
        var names = Set<String>()
        for entry in entries where entry.name.hasPrefix("remote.") {
            for suffix in [".url", ".pushurl"] where entry.name.hasSuffix(suffix) && entry.name.count > "remote.".count + suffix.count {
                names.insert(String(entry.name.dropFirst("remote.".count).dropLast(suffix.count)))
            }
        }
        var remotes: [Remote] = []
        for name in names {
            if let remote = try remote(named: name) { remotes.append(remote) }
        }
        return remotes.sorted { $0.name < $1.name }
    }

    /// The remote called `name`, or nil when none is configured.
    ///
    /// Calls `git_remote_lookup` (once a configuration: see ``RemoteLookups``), `git_remote_url`
    /// and `git_remote_pushurl`.
    /// - Throws: `GitError` with `.invalidSpec` for a name git does not allow.
    public func remote(named name: String) throws(GitError) -> Remote? {
        var remote: OpaquePointer?
        let result = remoteLookups.lookup(&remote, self, name)
        if result == GitError.Code.notFound.rawValue { return nil }
        guard result == 0, let remote else { throw GitError.last(result, operation: "look up remote '\(name)'") }
        defer { git_remote_free(remote) }
        return Remote(name: name, url: git_remote_url(remote).map { String(cString: $0) } ?? "",
                      pushURL: git_remote_pushurl(remote).map { String(cString: $0) })
    }

    /// Configures a new remote with git's default fetch refspec
    /// (`+refs/heads/*:refs/remotes/<name>/*`).
    ///
    /// Calls `git_remote_create`.
    /// - Throws: `GitError` with `.exists` when a remote of that name is already configured,
    ///   `.invalidSpec` for a name git does not allow.
    @discardableResult
    public func addRemote(name: String, url: String) throws(GitError) -> Remote {
        var remote: OpaquePointer?
        let result = git_remote_create(&remote, pointer, name, url)
        guard result == 0, let remote else { throw GitError.last(result, operation: "add remote '\(name)'") }
        git_remote_free(remote)
        return Remote(name: name, url: url)
    }

    /// Runs `body` with the configured remote `nameOrURL`, or, when no remote has that name, an
    /// anonymous remote for it as a URL or path (`git_remote_lookup`, `git_remote_create_anonymous`).
    /// A configured remote's relative folder URL is read from the top of the work tree, as git
    /// does, not from the process's working directory; a URL given here instead of a name is
    /// taken as libgit2 takes it (a relative path from the working directory).
    func withRemote<R>(
        _ nameOrURL: String, operation: String, _ body: (OpaquePointer) throws(GitError) -> R
    ) throws(GitError) -> R {
        var remote: OpaquePointer?
        var valid: Int32 = 0
        _ = git_remote_name_is_valid(&valid, nameOrURL)
        var result = GitError.Code.notFound.rawValue
        if valid != 0 {
            result = remoteLookups.lookup(&remote, self, nameOrURL)
            if result != 0, result != GitError.Code.notFound.rawValue {
                throw GitError.last(result, operation: operation)
            }
        }
        let configured = result == 0
        if result == GitError.Code.notFound.rawValue {
            // A bare word that is neither a configured remote nor an existing path would make
            // libgit2 say "unsupported URL protocol"; name the real problem instead.
            if valid != 0, !nameOrURL.contains("/"), !nameOrURL.contains(":") {
                throw GitError(
                    code: .notFound, errorClass: Int32(GIT_ERROR_CONFIG.rawValue),
                    message: "no remote named '\(nameOrURL)' is configured", operation: operation
                )
            }
            result = git_remote_create_anonymous(&remote, pointer, nameOrURL)
        }
        guard result == 0, let remote else { throw GitError.last(result, operation: operation) }
        // Freeing the handle frees its transport, and an https (TLS close_notify) or ssh
        // connection says goodbye as it closes: on a connection the watchdog cut, or the remote
        // dropped, that write raised SIGPIPE and killed hearth after the operation had failed cleanly.
        defer {
            let pipeGuard = BrokenPipeGuard()
            git_remote_free(remote)
            pipeGuard.restore()
        }
        if configured { try anchorRelativeURLs(of: remote, operation: operation) }
        return try body(remote)
    }

    /// Points the handle of a configured remote whose URL or push URL is a relative folder path
    /// (`../journal.git`, as `git remote add` stores it) at that folder under the work tree's
    /// root, for this handle only (`git_remote_set_instance_url`, `..._pushurl`): libgit2 would
    /// read it from the working directory, which may be anywhere.
    private func anchorRelativeURLs(of remote: OpaquePointer, operation: String) throws(GitError) {
        let base = workingDirectory ?? gitDirectory
        for push in [false, true] {
            guard let url = (push ? git_remote_pushurl(remote) : git_remote_url(remote)).map({ String(cString: $0) }),
                  !url.isEmpty, !url.hasPrefix("/"), !url.contains("://"),
                  let folder = Remote.localFolder(of: url, relativeTo: base) else { continue }
            let anchored = folder.path(percentEncoded: false)
            let result = push ? git_remote_set_instance_pushurl(remote, anchored) : git_remote_set_instance_url(remote, anchored)
            try GitError.check(result, operation: operation)
        }
    }
}
