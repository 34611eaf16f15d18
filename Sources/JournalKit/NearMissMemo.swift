import Foundation
import NoteKit
import Synchronization

/// Remembers, per kind, which known key an unknown one is a near miss of: `hearth check` asks
/// about the same few keys of the user's own (`bedtime`, `place`) on every entry, and the answer
/// depends on nothing else.
final class NearMissMemo: Sendable {
    private let answers = Mutex<[String: String?]>([:])

    /// The answer for `key` on `kind`, computed once.
    func answer(kind: NoteKind, key: String, compute: () -> String?) -> String? {
        let id = kind.rawValue + "\u{0}" + key
        if let known = answers.withLock({ $0[id] }) { return known }
        let answer = compute()
        answers.withLock { $0[id] = answer }
        return answer
    }
}
