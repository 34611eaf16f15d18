/// How a sync's histories related, which decides what it did.
public enum SyncOutcome: String, Sendable, Codable {
    /// No remote is configured: the local snapshot was recorded, nothing else.
    case localOnly = "local-only"
    /// Both sides had the same commit.
    case upToDate = "up-to-date"
    /// Only this device had new commits; they were pushed.
    case pushed
    /// Only the remote had new commits; this notebook moved forward to them.
    case fastForwarded = "fast-forwarded"
    /// Both had new commits; they were merged (and the merge pushed).
    case merged
}
