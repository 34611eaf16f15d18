/// A set of paths compared byte for byte (see ``TreePath``).
package struct PathSet: Equatable {
    private var storage: Set<TreePath> = []

    package init<S: Sequence>(_ paths: S) where S.Element == String {
        storage = Set(paths.map(TreePath.init))
    }

    package init() {}

    package mutating func insert(_ path: String) { storage.insert(TreePath(path)) }

    package mutating func remove(_ path: String) { storage.remove(TreePath(path)) }

    package mutating func formUnion(_ other: PathSet) { storage.formUnion(other.storage) }

    package func contains(_ path: String) -> Bool { storage.contains(TreePath(path)) }

    /// The paths, in git's (byte) order.
    package var sorted: [String] { storage.sorted().map(\.string) }

    /// These paths without `other`'s.
    package func subtracting(_ other: PathSet) -> PathSet {
        var result = PathSet()
        result.storage = storage.subtracting(other.storage)
        return result
    }

    package var isEmpty: Bool { storage.isEmpty }
}
