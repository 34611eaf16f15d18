/// What `sync` and `watch` say of a folder-remote lock that a killed sync of this device's left
/// and the next sync proved so and removed (`SyncOptions.removedStaleRemoteLock`).
enum StaleRemoteLockNote {
    static func text(_ path: String) -> String {
        "removed \(path): this device's sync was stopped while it held that lock, and nothing holds it now"
    }
}
