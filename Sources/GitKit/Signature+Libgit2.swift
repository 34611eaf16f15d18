internal import Clibgit2
import Foundation

extension Signature {
    /// Copies a libgit2 signature; the pointer is owned by its commit, so copy before freeing it.
    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        self.init(
            name: value.name.map { String(cString: $0) } ?? "",
            email: value.email.map { String(cString: $0) } ?? "",
            date: Date(timeIntervalSince1970: TimeInterval(value.when.time)),
            timeZoneOffsetMinutes: Int(value.when.offset)
        )
    }

    /// Runs `body` with a temporary `git_signature` built by `git_signature_new`, freed afterwards.
    func withGitSignature<R>(
        operation: String, _ body: (UnsafePointer<git_signature>) throws(GitError) -> R
    ) throws(GitError) -> R {
        var raw: UnsafeMutablePointer<git_signature>?
        let seconds = git_time_t(date.timeIntervalSince1970.rounded(.down))
        let result = git_signature_new(&raw, name, email, seconds, Int32(timeZoneOffsetMinutes))
        guard result == 0, let raw else { throw GitError.last(result, operation: operation) }
        defer { git_signature_free(raw) }
        return try body(raw)
    }
}
