import Foundation
internal import GitKit

extension Repository {
    /// Where this clone notes that its index held HEAD's tree, `.git/hearth/head-index` (never
    /// synced; see ``HeadIndexMemo``): the statuses of `hearth status` and of a sync's snapshot
    /// then compare only the work tree with the index.
    var headIndexMemo: HeadIndexMemo {
        HeadIndexMemo(file: gitDirectory.appending(path: "hearth/head-index"))
    }
}
