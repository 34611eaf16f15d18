import MergeKit

/// The comment line hearth writes at the top of every conflict record (committed, so other
/// devices and older versions read it): how to list and settle the conflict with hearth's
/// commands. MergeKit writes whatever comment its app gives it; these bytes must not change.
enum ConflictRecordComment {
    /// Makes MergeKit write hearth's comment; called once at start-up, before any command runs.
    static func install() {
        ConflictRecord.comment = { id in
            "# hearth conflict \(id): list with `hearth conflicts`, settle with `hearth resolve \(id) --keep DEVICE | --both | --edit`\n"
        }
    }
}
