import Foundation
import Testing

/// A committed reference screenshot (a PNG under Fixtures/) that a new screenshot must match
/// within a tolerance: at most `maxDifferingShare` of the pixels may differ by more than
/// `channelThreshold` in some channel. The tolerance absorbs antialiasing that another FreeType or
/// Skia draws a little differently; a moved, missing or recoloured chart changes far more.
///
/// On a mismatch the new screenshot and a picture of the difference are written next to the
/// reference's path under `.build/screenshots/` and named in the failure.
/// `HEARTH_RECORD_SCREENSHOTS=1` writes the new screenshot over the reference instead (look at it
/// before committing it).
struct ScreenshotReference: Sendable {
    /// The reference's path inside the repository, e.g. `Fixtures/review-html/year-light.png`.
    let path: String
    var channelThreshold = 32
    var maxDifferingShare = 0.0005
    /// The folder that mirrors the repository for mismatching screenshots and difference pictures.
    var outputs = CompletionInstall.repository.appendingPathComponent(".build/screenshots", isDirectory: true)

    /// Whether this run records references instead of comparing with them.
    static var recording: Bool { ProcessInfo.processInfo.environment["HEARTH_RECORD_SCREENSHOTS"] == "1" }

    /// The reference file.
    var url: URL { CompletionInstall.repository.appendingPathComponent(path) }

    /// Where a mismatching screenshot and the difference picture go.
    var actualURL: URL { outputs.appendingPathComponent(Self.renamed(path, suffix: "-actual")) }
    var diffURL: URL { outputs.appendingPathComponent(Self.renamed(path, suffix: "-diff")) }

    /// What comparing a screenshot found: nil when it matches, else what to tell the reader. With
    /// `record` (default: `HEARTH_RECORD_SCREENSHOTS=1`), the screenshot first becomes the reference.
    func mismatch(_ screenshot: URL, record: Bool = Self.recording) throws -> String? {
        try? FileManager.default.removeItem(at: actualURL)
        try? FileManager.default.removeItem(at: diffURL)
        if record {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: screenshot).write(to: url, options: .atomic)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            try keep(screenshot)
            return "no reference screenshot \(path); the new one is \(actualURL.path). Record references with "
                + "HEARTH_RECORD_SCREENSHOTS=1, look at them, and commit them."
        }
        try FileManager.default.createDirectory(at: diffURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let difference = try PNGDifference.measure(reference: url, actual: screenshot, threshold: channelThreshold, diff: diffURL)
        guard !difference.sameSize || difference.differingShare > maxDifferingShare else {
            try? FileManager.default.removeItem(at: diffURL)
            return nil
        }
        try keep(screenshot)
        let share = String(format: "%.3f", difference.differingShare * 100)
        let limit = String(format: "%.3f", maxDifferingShare * 100)
        var message = difference.sameSize
            ? "screenshot differs from \(path): \(share) % of pixels (\(difference.differingPixels)) differ by more than "
                + "\(channelThreshold) in a channel (tolerated: \(limit) %), largest channel difference \(difference.maxChannelDifference)"
            : "screenshot is \(difference.actualSize) pixels, the reference \(path) \(difference.referenceSize)"
        message += "\n  new screenshot: \(actualURL.path)"
        if FileManager.default.fileExists(atPath: diffURL.path) { message += "\n  difference (red): \(diffURL.path)" }
        message += "\n  if the change is intended: HEARTH_RECORD_SCREENSHOTS=1 swift test --filter ..., look, commit"
        return message
    }

    /// Records a test issue unless `screenshot` matches the reference.
    func expectMatch(_ screenshot: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let message = try mismatch(screenshot) {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    private func keep(_ screenshot: URL) throws {
        try FileManager.default.createDirectory(at: actualURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: screenshot, to: actualURL)
    }

    /// `Fixtures/a/b.png` with `-actual` before the extension.
    private static func renamed(_ path: String, suffix: String) -> String {
        (path.hasSuffix(".png") ? String(path.dropLast(4)) : path) + suffix + ".png"
    }
}
