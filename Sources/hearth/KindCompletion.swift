import ArgumentParser
import NoteKit

/// Shell completion for a KIND value (`--kind`, `hearth new`): the kinds with a layout and a
/// template. Any other `kind:` a user writes is still accepted; it is just not offered.
enum KindCompletion {
    /// The completion KIND values use.
    static let kind = CompletionKind.list([NoteKind.day, .note, .experiment, .week].map(\.rawValue))
}
