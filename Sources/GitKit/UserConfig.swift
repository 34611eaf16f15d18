internal import Clibgit2
import Foundation

/// The user's own git configuration (`~/.gitconfig`, `$XDG_CONFIG_HOME/git/config` and the system
/// file), read without a repository: what `git config --global KEY` sets and git reads outside one.
public enum UserConfig {
    /// The value of `key` as a path (a leading `~/` expanded to the home folder, as
    /// `git config --path` does), or nil when the key is not set.
    ///
    /// Calls `git_config_open_default` and `git_config_get_path`.
    /// - Throws: `GitError` for malformed keys or unreadable config files, never for a missing key.
    public static func path(_ key: String) throws(GitError) -> String? {
        Libgit2.ensureInitialized()
        var config: OpaquePointer?
        let opened = git_config_open_default(&config)
        guard opened == 0, let config else { throw GitError.last(opened, operation: "read the global git config") }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let result = git_config_get_path(&buffer, config, key)
        if result == GitError.Code.notFound.rawValue { return nil }
        try GitError.check(result, operation: "read config key '\(key)'")
        return buffer.ptr.map { String(cString: $0) }
    }
}
