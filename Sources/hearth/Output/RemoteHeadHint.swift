import SyncKit

/// The warning for a remote whose `HEAD` names a branch that does not exist, so that a plain
/// `git clone` (what mobile git apps do) checks out nothing; over ssh and https hearth cannot
/// change it (see ``SyncReport/remoteHeadMissing``).
enum RemoteHeadHint {
    /// The warning line for `report`, or nil when there is nothing to say.
    static func line(for report: SyncReport) -> String? {
        guard let branch = report.remoteHeadMissing, let remote = report.remote else { return nil }
        return "hearth: warning: \(remote)'s HEAD names a branch that does not exist, so a plain git clone of it checks out nothing; "
            + "on the server, run `git symbolic-ref HEAD refs/heads/\(branch)` in the repository (new ones: git init --bare -b \(branch))\n"
    }
}
