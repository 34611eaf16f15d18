/// How well experiments were predicted: the failure mode and the chance of success.
public struct ExperimentSummary: Sendable {
    /// Experiments still open (no `outcome`).
    public let open: Int
    /// Closed experiments considered.
    public let closed: Int
    /// Closed experiments with both `predicted_failure` and `actual_failure`.
    public let failureModeCount: Int
    /// Of those, how many failed the way they were predicted to.
    public let failureModeMatches: Int
    /// Brier score of `p_success` on experiments that ended in success or failure, nil below the minimum.
    public let brier: Double?
    /// How many experiments the Brier score rests on.
    public let brierCount: Int
    /// Mean of `spent_h / timebox_h`, nil below the minimum.
    public let timeOverrun: Double?
    /// How many experiments the time overrun rests on.
    public let timeCount: Int
    /// Mean of `gpu_h / budget_gpu_h`, nil below the minimum.
    public let gpuOverrun: Double?
    /// How many experiments the GPU overrun rests on.
    public let gpuCount: Int

    /// The share of failure-mode predictions that came true, nil below the minimum.
    public var failureModeHitRate: Double? {
        failureModeCount >= ReviewRules.minimumForCalibration ? Double(failureModeMatches) / Double(failureModeCount) : nil
    }
}
