/// A set of paths compared byte for byte (see ``TreePath``).
struct PathSet: Equatable {
    private var storage: Set<TreePath> = []

    init<S: Sequence>(_ paths: S) where S.Element == String {
        storage = Set(paths.map(TreePath.init))
    }

    init() {}

    mutating func insert(_ path: String) { storage.insert(TreePath(path)) }

    mutating func remove(_ path: String) { storage.remove(TreePath(path)) }

    mutating func formUnion(_ other: PathSet) { storage.formUnion(other.storage) }

    func contains(_ path: String) -> Bool { storage.contains(TreePath(path)) }

    /// The paths, in git's (byte) order.
    var sorted: [String] { storage.sorted().map(\.string) }

    /// These paths without `other`'s.
    func subtracting(_ other: PathSet) -> PathSet {
        var result = PathSet()
        result.storage = storage.subtracting(other.storage)
        return result
    }

    var isEmpty: Bool { storage.isEmpty }
}
