import Foundation
import TestSupport

/// How two PNG images differ, as `Scripts/png-diff.py` measures it (standard-library Python: zlib
/// inflates, the script undoes the filters and compares pixel by pixel).
struct PNGDifference: Decodable, Sendable {
    /// Width and height of each image.
    var referenceSize: [Int]
    var actualSize: [Int]
    var sameSize: Bool
    /// Pixels whose largest channel difference is above the threshold given.
    var differingPixels: Int
    /// Those pixels' share of all pixels (1 when the sizes differ).
    var differingShare: Double
    /// The largest difference of one channel anywhere (0-255).
    var maxChannelDifference: Int

    enum CodingKeys: String, CodingKey {
        case referenceSize = "reference_size", actualSize = "actual_size", sameSize = "same_size"
        case differingPixels = "differing_pixels", differingShare = "differing_share", maxChannelDifference = "max_channel_difference"
    }

    /// Compares `actual` with `reference`; a pixel differs when a channel differs by more than
    /// `threshold`. With `diff`, writes a picture of the difference there when there is any.
    static func measure(reference: URL, actual: URL, threshold: Int, diff: URL? = nil) throws -> PNGDifference {
        let script = CompletionInstall.repository.appendingPathComponent("Scripts/png-diff.py")
        guard let python = CompletionInstall.which("python3") else {
            throw SetupFailure(message: "python3 is not installed; `make test-deps` installs it (DEMO_PACKAGES)")
        }
        var arguments = [script.path, reference.path, actual.path, "--threshold", String(threshold)]
        if let diff { arguments += ["--diff", diff.path] }
        let result = try ProcessRunner.run(python, arguments, in: actual.deletingLastPathComponent(),
                                           environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        guard result.status == 0 else { throw SetupFailure(message: "png-diff.py failed: \(result)") }
        return try JSONDecoder().decode(PNGDifference.self, from: result.stdoutData)
    }
}
