internal import Clibgit2

extension ObjectID {
    /// Copies a libgit2 `git_oid`.
    init(_ oid: git_oid) {
        self = withUnsafeBytes(of: oid.id) { ObjectID(bytes: $0)! }
    }

    /// Copies the `git_oid` a libgit2 accessor points to; such pointers are owned by the
    /// object they came from, so the value must be copied before that object is freed.
    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// The id as a libgit2 `git_oid`, for passing to C.
    var oid: git_oid {
        var result = git_oid()
        let source = bytes
        withUnsafeMutableBytes(of: &result.id) { destination in
            destination.copyBytes(from: source)
        }
        return result
    }
}
