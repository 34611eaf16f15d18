internal import Clibgit2
import Foundation

extension Repository {
    /// The value of a configuration key as git sees it for this repository (local, global and
    /// system levels merged), or nil when the key is not set.
    ///
    /// Calls `git_repository_config_snapshot` and `git_config_get_string`; a snapshot is
    /// required for the returned string to stay valid until it is copied.
    /// - Throws: `GitError` for malformed keys or unreadable config files, never for a missing key.
    public func configString(_ key: String) throws(GitError) -> String? {
        var snapshot: OpaquePointer?
        let opened = git_repository_config_snapshot(&snapshot, pointer)
        guard opened == 0, let snapshot else { throw GitError.last(opened, operation: "read config") }
        defer { git_config_free(snapshot) }
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, snapshot, key)
        if result == GitError.Code.notFound.rawValue { return nil }
        try GitError.check(result, operation: "read config key '\(key)'")
        return value.map { String(cString: $0) }
    }

    /// The value of a boolean configuration key read as git reads one (`true`/`yes`/`on`, a
    /// non-zero number, or the key written without a value), or nil when the key is not set.
    ///
    /// Calls `git_repository_config_snapshot` and `git_config_get_bool`.
    /// - Throws: `GitError` for a value that is not a boolean or unreadable config files.
    public func configBool(_ key: String) throws(GitError) -> Bool? {
        var snapshot: OpaquePointer?
        let opened = git_repository_config_snapshot(&snapshot, pointer)
        guard opened == 0, let snapshot else { throw GitError.last(opened, operation: "read config") }
        defer { git_config_free(snapshot) }
        var value: Int32 = 0
        let result = git_config_get_bool(&value, snapshot, key)
        if result == GitError.Code.notFound.rawValue { return nil }
        try GitError.check(result, operation: "read config key '\(key)'")
        return value != 0
    }

    /// Sets a configuration key in the repository's own `.git/config` (never the user's
    /// global file).
    ///
    /// Calls `git_repository_config`, `git_config_open_level` with `GIT_CONFIG_LEVEL_LOCAL`
    /// and `git_config_set_string`.
    public func setConfig(_ key: String, _ value: String) throws(GitError) {
        let operation = "set config key '\(key)'"
        try withLocalConfig(operation: operation) { local throws(GitError) in
            try GitError.check(git_config_set_string(local, key, value), operation: operation)
        }
    }

    /// Runs `body` with the repository's own config level (`.git/config`), the only one hearth
    /// writes. Calls `git_repository_config` and `git_config_open_level` with `GIT_CONFIG_LEVEL_LOCAL`.
    func withLocalConfig<T>(operation: String, _ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
        var config: OpaquePointer?
        let opened = git_repository_config(&config, pointer)
        guard opened == 0, let config else { throw GitError.last(opened, operation: operation) }
        defer { git_config_free(config) }
        var local: OpaquePointer?
        let level = git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL)
        guard level == 0, let local else { throw GitError.last(level, operation: operation) }
        defer { git_config_free(local) }
        return try body(local)
    }

    /// The user's configured identity (`user.name`, `user.email`) with the current time, or
    /// the fallback name and email with the current time when git has none configured.
    ///
    /// Calls `git_signature_default`.
    public func defaultSignature(fallbackName: String, fallbackEmail: String) -> Signature {
        var raw: UnsafeMutablePointer<git_signature>?
        if git_signature_default(&raw, pointer) == 0, let raw {
            defer { git_signature_free(raw) }
            return Signature(raw)
        }
        return Signature(name: fallbackName, email: fallbackEmail, date: Date())
    }
}

extension Repository {
    /// Every configuration entry as git sees it for this repository, level by level (system,
    /// global, local, ...), each as `(name, value)` with git's normalised name (section and key
    /// in lower case, a subsection as written).
    ///
    /// Calls `git_repository_config_snapshot` and `git_config_iterator_new`: a plain walk of the
    /// entries, where `git_config_foreach_match` and libgit2's own remote listing match a regular
    /// expression against each name, which in libgit2 1.5.1 leaks a PCRE2 match block per entry
    /// that does not match.
    func configEntries() throws(GitError) -> [(name: String, value: String)] {
        var snapshot: OpaquePointer?
        let opened = git_repository_config_snapshot(&snapshot, pointer)
        guard opened == 0, let snapshot else { throw GitError.last(opened, operation: "read config") }
        defer { git_config_free(snapshot) }
        var iterator: OpaquePointer?
        let started = git_config_iterator_new(&iterator, snapshot)
        guard started == 0, let iterator else { throw GitError.last(started, operation: "read config") }
        defer { git_config_iterator_free(iterator) }
        var entries: [(name: String, value: String)] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let current = entry?.pointee {
            entries.append((current.name.map { String(cString: $0) } ?? "", current.value.map { String(cString: $0) } ?? ""))
        }
        return entries
    }
}
