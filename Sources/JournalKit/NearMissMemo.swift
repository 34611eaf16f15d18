import Foundation
import NoteKit

/// Remembers, per kind, which known key an unknown one is a near miss of: `hearth check` asks
/// about the same few keys of the user's own (`bedtime`, `place`) on every entry, and the answer
/// depends on nothing else.
final class NearMissMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: String?] = [:]

    /// The answer for `key` on `kind`, computed once.
    func answer(kind: NoteKind, key: String, compute: () -> String?) -> String? {
        let id = kind.rawValue + "\u{0}" + key
        if let known = lock.withLock({ answers[id] }) { return known }
        let answer = compute()
        lock.withLock { answers[id] = answer }
        return answer
    }
}
