import Foundation

/// The kind of file system a folder is on, as `statfs` names it, for the one question the entry
/// listing asks of it: whether a folder's times show every entry added, removed or renamed in it.
///
/// On a local disk they do. A network share, a FUSE file system or vfat may not (times kept by a
/// server or in coarse ticks, a restored stamp), which is why git keeps its untracked cache
/// opt-in; hearth trusts a listing only on file systems known to be local, and lists the folders
/// every time elsewhere, as it did before it kept a listing.
package struct FileSystemKind: Sendable, Equatable {
    /// On Linux the magic number `statfs` gives (`f_type`) in hexadecimal, as `0xef53`; on
    /// Darwin its type name (`f_fstypename`), as `apfs`.
    package let name: String

    package init(name: String) {
        self.name = name
    }

    // `of(_:)` and `keepsFolderTimes` are in FileSystemKind+Linux.swift and
    // FileSystemKind+Darwin.swift: the C libraries describe a file system differently.
}
