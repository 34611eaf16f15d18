import Synchronization

extension ConflictRecord {
    /// The comment that opens every record file (newline included), given the record's id:
    /// where the app that writes records tells a person who opens one how to list and settle
    /// conflicts in its own words (`hearth` names its commands). Only the body is hashed into
    /// the id, so records whose comments differ still name the same conflict; devices running
    /// the same app write byte-identical files. Set it once at start-up, before any merge;
    /// the default is `# conflict <id>`.
    public static var comment: @Sendable (String) -> String {
        get { commentStore.withLock { $0 } }
        set { commentStore.withLock { $0 = newValue } }
    }

    private static let commentStore = Mutex<@Sendable (String) -> String>({ "# conflict \($0)\n" })
}
