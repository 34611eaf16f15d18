import Foundation

extension NotebookClone {
    /// Clones `url` into `directory` (absent or empty) and records `device`, with no progress
    /// reports and the default credentials (the ssh agent, `HEARTH_TOKEN`): what an app that
    /// shows no transfer progress needs, without naming the network options' type.
    ///
    /// - Throws: ``SyncError/network(remote:operation:underlying:)`` when the remote cannot be read.
    public static func clone(from url: String, to directory: URL, device: String?) throws(SyncError) -> Outcome {
        try clone(from: url, to: directory, device: device, network: .init())
    }
}
