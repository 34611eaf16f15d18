internal import Clibgit2
import Foundation

/// Runs `body` with a `git_strarray` holding C copies of `strings`, freed afterwards; for
/// refspec lists (`git_remote_fetch`, `git_remote_push`) and pathspecs (`git_index_add_all`).
func withGitStringArray<R>(_ strings: [String], _ body: (UnsafePointer<git_strarray>) throws(GitError) -> R) throws(GitError) -> R {
    var copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return try copies.withUnsafeMutableBufferPointer { buffer throws(GitError) in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}
