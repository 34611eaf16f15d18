import Foundation

/// One fuzz target: a name (the folder under `Fixtures/fuzz/`) and the checks one input must
/// pass. The libFuzzer driver (`make fuzz`) and `FuzzRegressionTests` call the same checks.
public struct FuzzTarget: Sendable {
    /// The target's name: `Fixtures/fuzz/<name>/seeds` and `regressions` hold its inputs.
    public let name: String
    /// What the target exercises, for the driver's usage text.
    public let summary: String
    private let run: @Sendable (Data) throws(FuzzFailure) -> Void

    init(name: String, summary: String, run: @escaping @Sendable (Data) throws(FuzzFailure) -> Void) {
        self.name = name
        self.summary = summary
        self.run = run
    }

    /// Runs the checks on `input`; inputs the code under test refuses cleanly pass.
    /// - Throws: ``FuzzFailure`` when a property does not hold.
    public func check(_ input: Data) throws(FuzzFailure) {
        try run(input)
    }

    /// Every target, in the order `make fuzz` runs them.
    public static let all: [FuzzTarget] = [
        FuzzTarget(name: "front-matter", summary: "parse an entry, set a key, parse again", run: FrontMatterFuzz.check),
        FuzzTarget(name: "entry-merge", summary: "three-way merge of three entries", run: EntryMergeFuzz.check),
        FuzzTarget(name: "sections", summary: "the body's sections: merge identities, appending an item", run: SectionFuzz.check),
        FuzzTarget(name: "conflict-markers", summary: "reading conflict markers, including those a merge wrote", run: ConflictMarkerFuzz.check),
        FuzzTarget(name: "known-hosts", summary: "known_hosts parsing and verdicts", run: KnownHostsFuzz.check),
        FuzzTarget(name: "import-jrnl", summary: "jrnl's JSON export to notes", run: { (data: Data) throws(FuzzFailure) in try ImportFuzz.check(data, source: .jrnl) }),
        FuzzTarget(name: "import-dayone", summary: "Day One's JSON export to notes", run: { (data: Data) throws(FuzzFailure) in try ImportFuzz.check(data, source: .dayOne) }),
        FuzzTarget(name: "remote-url", summary: "git remote URLs: local paths, ports, redaction", run: RemoteURLFuzz.check),
    ]

    /// The target called `name`.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
