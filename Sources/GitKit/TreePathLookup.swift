internal import Clibgit2

/// Looks up paths in many trees that share most of their subtrees, as the trees of a long
/// history do: each answer is kept by subtree and the rest of the path, so a walk over
/// thousands of commits reads a subtree once however many commits hold it, and only the trees
/// that changed are read again (as `git log -- PATH` does).
///
/// For a path of names joined by single slashes, the same answers as
/// ``Repository/entryID(path:inCommit:)`` on the commit's tree: the id of the blob or tree at
/// the path, nil when nothing is there.
package final class TreePathLookup {
    private struct Key: Hashable {
        let tree: ObjectID
        let path: String
    }

    private let repository: Repository
    /// Answers by tree and path; a path with nothing there is kept as nil too.
    private var answers: [Key: (id: ObjectID, mode: UInt32)?] = [:]

    /// A lookup over `repository`'s trees, remembering what it read for as long as it lives.
    package init(repository: Repository) {
        self.repository = repository
    }

    /// The id of the blob or tree at `path` (slash-separated) in tree `tree`, or nil.
    package func entryID(path: String, inTree tree: ObjectID) throws(GitError) -> ObjectID? {
        try entry(path: path, inTree: tree)?.id
    }

    /// The id and mode (see ``FileMode``) of the blob or tree at `path` in tree `tree`, or nil.
    ///
    /// Calls `git_tree_entry_byname` one folder at a time.
    package func entry(path: String, inTree tree: ObjectID) throws(GitError) -> (id: ObjectID, mode: UInt32)? {
        let key = Key(tree: tree, path: path)
        if let known = answers[key] { return known }
        let name: Substring
        let rest: Substring?
        if let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) {
            name = path[..<slash]
            rest = path[path.utf8.index(after: slash)...]
        } else {
            name = Substring(path)
            rest = nil
        }
        let child = try repository.withTree(tree) { handle -> (id: ObjectID, mode: UInt32)? in
            guard let entry = String(name).withCString({ git_tree_entry_byname(handle, $0) }) else { return nil }
            return (ObjectID(git_tree_entry_id(entry)), UInt32(git_tree_entry_filemode(entry).rawValue))
        }
        let answer: (id: ObjectID, mode: UInt32)?
        if let rest {
            // An empty component (`a//b`, a trailing slash) names nothing here.
            if let child, child.mode == FileMode.tree, !rest.isEmpty { answer = try entry(path: String(rest), inTree: child.id) } else { answer = nil }
        } else {
            answer = child
        }
        answers[key] = .some(answer)
        return answer
    }
}
