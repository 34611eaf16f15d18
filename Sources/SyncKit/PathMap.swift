internal import GitKit

/// A dictionary keyed by paths compared byte for byte (see `TreePath`), with the few
/// dictionary operations the merge uses.
struct PathMap<Value> {
    private var storage: [TreePath: Value] = [:]

    init() {}

    subscript(path: String) -> Value? {
        get { storage[TreePath(path)] }
        set { storage[TreePath(path)] = newValue }
    }

    /// The paths, in git's (byte) order.
    var keys: [String] { storage.keys.sorted().map(\.string) }

    /// The entries in git's (byte) order.
    var entries: [(key: String, value: Value)] {
        storage.sorted { $0.key < $1.key }.map { (key: $0.key.string, value: $0.value) }
    }

    var isEmpty: Bool { storage.isEmpty }
}
