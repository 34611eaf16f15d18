internal import Clibgit2
import Foundation

/// An open git repository (`git_repository`).
///
/// A handle is not thread-safe: use one handle from one task at a time, and open another
/// handle for concurrent work. Values it returns (`Commit`, `ObjectID`, ...) are plain
/// `Sendable` copies that outlive the handle.
public final class Repository {
    /// The owned `git_repository *`, freed in `deinit`.
    let pointer: OpaquePointer
    /// The remotes looked up through this handle (see ``RemoteLookups``).
    let remoteLookups = RemoteLookups()

    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        remoteLookups.removeAll()
        git_repository_free(pointer)
    }

    /// Opens the repository whose work tree root or git directory is `url`, without searching
    /// parent directories.
    ///
    /// Calls `git_repository_open_ext` with `GIT_REPOSITORY_OPEN_NO_SEARCH`.
    /// - Throws: `GitError` with code `.notFound` when `url` is not a repository; a repository
    ///   using a git extension libgit2 1.5 lacks fails with `GitError.unsupportedExtension` set.
    public static func open(at url: URL) throws(GitError) -> Repository {
        Libgit2.ensureInitialized()
        let path = url.path(percentEncoded: false)
        var raw: OpaquePointer?
        let result = git_repository_open_ext(&raw, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        guard result == 0, let raw else {
            throw GitError.last(result, operation: "open repository", path: path)
        }
        return Repository(owning: raw)
    }

    /// Finds the repository containing `url` (walking up through parent directories, like
    /// `git -C <dir>`) and opens it.
    ///
    /// Calls `git_repository_discover`, then `git_repository_open_ext`.
    /// - Throws: `GitError` with code `.notFound` when no enclosing repository exists.
    public static func discover(startingAt url: URL) throws(GitError) -> Repository {
        Libgit2.ensureInitialized()
        let path = url.path(percentEncoded: false)
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let result = git_repository_discover(&buffer, path, 0, nil)
        guard result == 0, let found = buffer.ptr else {
            throw GitError.last(result, operation: "find a repository", path: path)
        }
        return try open(at: URL(fileURLWithPath: String(cString: found), isDirectory: true))
    }

    /// Creates a repository at `url`, creating missing directories, with HEAD pointing at the
    /// unborn branch `initialBranch`. Like `git init`, running it on an existing repository
    /// reinitialises it harmlessly.
    ///
    /// Calls `git_repository_init_ext` with `GIT_REPOSITORY_INIT_MKPATH` and `initial_head`.
    public static func create(
        at url: URL, initialBranch: String = "main", bare: Bool = false
    ) throws(GitError) -> Repository {
        Libgit2.ensureInitialized()
        let path = url.path(percentEncoded: false)
        var options = git_repository_init_options()
        git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var raw: OpaquePointer?
        // initial_head must stay valid for the duration of the call, hence the closure.
        let result = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&raw, path, &options)
        }
        guard result == 0, let raw else {
            throw GitError.last(result, operation: "create repository", path: path)
        }
        return Repository(owning: raw)
    }

    /// The work tree root, or nil for a bare repository (`git_repository_workdir`).
    public var workingDirectory: URL? {
        git_repository_workdir(pointer).map { URL(fileURLWithPath: String(cString: $0), isDirectory: true) }
    }

    /// The git directory, e.g. `<work tree>/.git/` (`git_repository_path`).
    public var gitDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_path(pointer)), isDirectory: true)
    }

    /// Whether the repository has no work tree (`git_repository_is_bare`).
    public var isBare: Bool {
        git_repository_is_bare(pointer) == 1
    }

    /// The work tree path for error messages and file checks; throws for bare repositories.
    func requireWorkingDirectory(for operation: String) throws(GitError) -> URL {
        guard let workingDirectory else {
            throw GitError(
                code: .bareRepository, errorClass: Int32(GIT_ERROR_REPOSITORY.rawValue),
                message: "the repository is bare and has no work tree", operation: operation,
                path: gitDirectory.path(percentEncoded: false)
            )
        }
        return workingDirectory
    }
}

/// A handle wraps libgit2 state that is not safe to share between threads.
@available(*, unavailable)
extension Repository: Sendable {}
