import Foundation
internal import GitKit

/// What sync rewrites of a working file replaced and wrote (see ``RewriteRecords``).
struct RewriteRecord: Equatable {
    /// The blobs of the bytes the file held before each rewrite, oldest first: rewrites that
    /// followed one another without a save in between form one chain, since an editor buffer
    /// may have been loaded before any of them.
    var replaced: [ObjectID]
    /// The blob of the bytes the last rewrite left in the file.
    var written: ObjectID
    /// When the last rewrite happened.
    var time: Date

    /// The most rewrites one chain remembers.
    static let chainLimit = 4
}
