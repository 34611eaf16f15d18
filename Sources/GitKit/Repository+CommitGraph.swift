internal import Clibgit2
import Foundation

extension Repository {
    /// Writes `objects/info/commit-graph` for every commit the references reach, in the format
    /// libgit2 reads: a history walk then takes each commit's parents and time from the file
    /// instead of inflating the commit (on ten years of history, about half of `hearth log -n 50`).
    /// git reads the file too. The file replaces the old one atomically (a lock file renamed into
    /// place); commits made after it are read as before, so it only needs to be written again
    /// now and then, as maintenance does.
    ///
    /// libgit2 1.5 ignores the file `git gc` writes today (generation numbers version 2): this
    /// one replaces it, and git keeps using it until its next `gc`.
    ///
    /// Calls `git_revwalk_new`, `git_revwalk_push_glob` (`refs/*`), `git_revwalk_push_head`,
    /// `git_commit_graph_writer_new`, `git_commit_graph_writer_add_revwalk` and
    /// `git_commit_graph_writer_commit`.
    package func writeCommitGraph() throws(GitError) {
        let operation = "write the commit graph"
        var walk: OpaquePointer?
        let created = git_revwalk_new(&walk, pointer)
        guard created == 0, let walk else { throw GitError.last(created, operation: operation) }
        defer { git_revwalk_free(walk) }
        // Every reference, as `git commit-graph write --reachable`; HEAD too, should it be detached.
        try GitError.check(git_revwalk_push_glob(walk, "refs/*"), operation: operation)
        if try headCommitID() != nil { try GitError.check(git_revwalk_push_head(walk), operation: operation) }

        let info = gitDirectory.appending(path: "objects/info", directoryHint: .isDirectory).path(percentEncoded: false)
        var writer: OpaquePointer?
        let opened = git_commit_graph_writer_new(&writer, info)
        guard opened == 0, let writer else { throw GitError.last(opened, operation: operation, path: info) }
        defer { git_commit_graph_writer_free(writer) }
        try GitError.check(git_commit_graph_writer_add_revwalk(writer, walk), operation: operation)
        var options = git_commit_graph_writer_options()
        try GitError.check(git_commit_graph_writer_options_init(&options, UInt32(GIT_COMMIT_GRAPH_WRITER_OPTIONS_VERSION)), operation: operation)
        try GitError.check(git_commit_graph_writer_commit(writer, &options), operation: operation, path: info)
    }
}
