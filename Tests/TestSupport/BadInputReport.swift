import Testing

/// A suite trait for the bad-input suites: each test case that runs adds a "bad input" line to
/// the ``StressReport``, so `make test-stress` can say how many bad inputs were tried.
public struct BadInputReport: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await function()
        // Suites get a scope of their own; only test cases are bad inputs.
        guard testCase != nil else { return }
        StressReport.append("bad input: \(test.name)")
    }
}

extension Trait where Self == BadInputReport {
    /// Counts each test case of the suite as one bad input tried.
    public static var badInputReport: BadInputReport { BadInputReport() }
}
