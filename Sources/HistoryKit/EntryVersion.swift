import Foundation
import GitKit

/// One past version of an entry, as `hearth show --at` and `hearth restore` find it.
public struct EntryVersion: Sendable, Hashable {
    /// The commit that holds this version.
    public var commit: Commit
    /// The entry's path in that commit (its name then, before any later rename).
    public var path: String
    /// The file's exact bytes.
    public var bytes: Data
}
