import Foundation
import TestSupport

/// Byte-level reads and writes for tests whose inputs are not UTF-8 text (BOMs, CRLF, invalid
/// UTF-8, binary), and the checks every bad-input test makes after a sync.
extension SyncWorld {
    /// Writes raw bytes on a device, creating folders.
    func write(_ device: String, _ path: String, bytes: [UInt8]) throws {
        let url = root(device).appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// A file's bytes on a device (links not followed), nil when absent or not a regular file.
    func bytes(_ device: String, _ path: String) -> [UInt8]? {
        let full = root(device).appending(path: path).path(percentEncoded: false)
        var info = stat()
        guard lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (try? Data(contentsOf: URL(fileURLWithPath: full))).map { [UInt8]($0) }
    }

    /// Every regular file on a device outside `.git`, with its bytes.
    func contents(_ device: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for path in files(device) {
            if let bytes = bytes(device, path) { result[path] = bytes }
        }
        return result
    }

    /// The bytes HEAD holds at `path` on a device, nil when absent.
    func committed(_ device: String, _ path: String) throws -> [UInt8]? {
        let output = try git(device).run(["cat-file", "blob", "HEAD:\(path)"])
        return output.status == 0 ? [UInt8](output.stdoutData) : nil
    }

    /// `git fsck --full` on a device (or "remote.git"), throwing when it reports a problem.
    /// `allowing` lists fsck message ids (e.g. `hasDotdot`) expected from a crafted commit.
    func fsck(_ device: String, allowing: [String] = []) throws {
        let output = try git(device).run(["fsck", "--full", "--no-progress", "--no-dangling"])
        let problems = (output.stdout + output.stderr).split(separator: "\n")
            .filter { line in !allowing.contains { line.contains($0) } }
        guard output.status == 0, problems.isEmpty else {
            throw SetupFailure("git fsck in \(device) failed (\(output.status)): \(output.stdout)\(output.stderr)")
        }
    }

    /// Whether a device holds `bytes` exactly, in any file (the entry, a conflict copy).
    func holds(_ device: String, _ bytes: [UInt8]) -> Bool {
        contents(device).values.contains(bytes)
    }

    /// Whether the text appears in some file of a device (merged lines land inside a file).
    func holds(_ device: String, text: String) -> Bool {
        contents(device).values.contains { String(decoding: $0, as: UTF8.self).contains(text) }
    }
}
