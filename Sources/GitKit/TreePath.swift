/// A path as git stores it, compared byte for byte.
///
/// Swift's `String ==` treats canonically equivalent strings as equal, so `café` written with
/// U+00E9 and with `e` + U+0301 would be one key in a `[String: …]`; to git and to Linux they
/// are two files, and a sync must keep both.
package struct TreePath: Hashable, Comparable, Sendable {
    /// The path's text, its scalars exactly as git gave them.
    package let string: String

    package init(_ string: String) { self.string = string }

    package static func == (lhs: TreePath, rhs: TreePath) -> Bool { lhs.string.utf8.elementsEqual(rhs.string.utf8) }

    package static func < (lhs: TreePath, rhs: TreePath) -> Bool { lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8) }

    package func hash(into hasher: inout Hasher) {
        for byte in string.utf8 { hasher.combine(byte) }
    }
}
