import Foundation
import NoteKit

/// Checks that a path from a tree stays inside the notebook before a sync writes it.
///
/// hearth writes incoming files itself rather than through libgit2's checkout (see
/// ``Syncer/updateWorkingTree(from:to:)``), so it must refuse what git's checkout refuses: a
/// commit made with another tool can hold `..`, `.git` or other names that would put a file
/// outside the notebook or into its repository. It must also never write through a symbolic
/// link a folder on the way was replaced with: the link may point anywhere.
enum ContainedPath {
    /// Why `path` (relative, `/`-separated, as in a tree) must not be written, nil when it may.
    static func problem(in path: String) -> String? {
        if path.utf8.first == UInt8(ascii: "/") { return "it is an absolute path" }
        // Split at the '/' byte, as the file system does: a '/' followed by a combining mark is
        // one Character, so a Character split would hide a `..` before it.
        for component in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if component.isEmpty { return "it has an empty path component" }
            if component.elementsEqual("..".utf8) { return "it has a '..' component, which points outside its folder" }
            if component.elementsEqual(".".utf8) { return "it has a '.' component, which no file name can be" }
            let name = String(decoding: component, as: UTF8.self)
            if isGitFolder(name) { return "it has a '\(name)' component, which names the notebook's repository folder" }
        }
        return nil
    }

    /// Whether a name is `.git` to some file system: any case, trailing dots or spaces (NTFS),
    /// the 8.3 short name `git~1`, or `.git` with characters HFS+ ignores.
    private static func isGitFolder(_ name: String) -> Bool {
        let ignorable: Set<UInt32> = Set(Array(0x200C...0x200F) + Array(0x202A...0x202E) + Array(0x206A...0x206F) + [0xFEFF])
        var scalars = String.UnicodeScalarView(name.unicodeScalars.filter { !ignorable.contains($0.value) })
        while let last = scalars.last, last == "." || last == " " { scalars.removeLast() }
        let folded = String(scalars).lowercased()
        return folded == ".git" || folded == "git~1"
    }

    /// The first folder between `root` and the file at `relative` that is a symbolic link or
    /// anything but a folder (relative to `root`), nil when every existing one is a real folder.
    static func linkedFolder(on relative: String, under root: String) -> String? {
        var folder = root
        var walked: [String] = []
        for component in NotebookLayout.names(of: relative).dropLast() {
            folder += "/" + component
            walked.append(component)
            var info = stat()
            if lstat(folder, &info) != 0 { return nil }   // absent: created fresh, as a real folder
            if (info.st_mode & S_IFMT) != S_IFDIR { return walked.joined(separator: "/") }
        }
        return nil
    }
}
