import Foundation
import FuzzChecks
import Testing

/// Every committed fuzz input goes through its target's checks: the seeds (`make fuzz` starts
/// from them) and the regressions (inputs the fuzzer once found failing, kept so the bug stays
/// fixed). The checks are the ones the libFuzzer driver runs.
struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    static func inputs(of target: String, in folder: String) -> [URL] {
        let directory = fixtures.appendingPathComponent(target).appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func committedInputsPass(target name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let seeds = Self.inputs(of: name, in: "seeds")
        // A target without seeds would pass by looking at nothing.
        #expect(seeds.count >= 3, "Fixtures/fuzz/\(name)/seeds holds \(seeds.count) inputs")
        for file in seeds + Self.inputs(of: name, in: "regressions") {
            let input = try Data(contentsOf: file)
            do {
                try target.check(input)
            } catch {
                Issue.record("\(file.path.dropFirst(Self.fixtures.path.count + 1)): \(error)")
            }
        }
    }

    /// The folders under Fixtures/fuzz are the targets, so no input is left unrun.
    @Test func everyFixtureFolderIsATarget() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(FuzzTarget.all.map(\.name)))
    }
}
