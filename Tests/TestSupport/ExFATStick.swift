import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A USB stick formatted exFAT, as people carry a folder remote between machines: an image file
/// on a loop device, made with `mkfs.exfat` and mounted through `exfat-fuse`, a real exFAT file
/// system with its limits (no hard links, no permissions, times in whole seconds here).
///
/// ``unmount()`` (or the value going away) unmounts it, detaches the loop device and removes the
/// image; the stick's folder is ``mountPoint`` until then.
public final class ExFATStick {
    /// Where the stick is mounted.
    public let mountPoint: URL
    private let folder: URL
    private let device: String
    private var mounted = true

    private static let tools = ["/usr/sbin/losetup", "/usr/sbin/mkfs.exfat", "/usr/sbin/mount.exfat-fuse", "/usr/bin/umount"]

    /// Why this machine cannot mount one (not root, no loop devices or FUSE, the tools missing),
    /// or nil when it can: a first stick is mounted and unmounted to find out.
    public static let unavailable: String? = {
        guard getuid() == 0 else { return "mounting a loop device needs root (uid \(getuid()))" }
        for tool in tools where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is not installed (make test-deps installs exfat-fuse and exfatprogs)"
        }
        for node in ["/dev/loop-control", "/dev/fuse"] where !FileManager.default.fileExists(atPath: node) {
            return "\(node) is missing"
        }
        do {
            try ExFATStick().unmount()
            return nil
        } catch {
            return "cannot mount an exFAT image here: \(error)"
        }
    }()

    /// A fresh, empty 32 MB stick, mounted.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-exfat-\(getpid())-\(UUID().uuidString)")
        mountPoint = folder.appendingPathComponent("stick")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let image = folder.appendingPathComponent("stick.img").path
        do {
            guard FileManager.default.createFile(atPath: image, contents: nil),
                  truncate(image, 32 << 20) == 0 else { throw ChildProcess.Failure(description: "cannot make \(image)") }
            try Self.run("/usr/sbin/mkfs.exfat", ["-L", "HEARTH", image])
            device = try Self.run("/usr/sbin/losetup", ["--find", "--show", image]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        do {
            try Self.run("/usr/sbin/mount.exfat-fuse", [device, mountPoint.path])
        } catch {
            // Every property is set, so deinit runs: it must not unmount or detach again (the
            // loop device may be another test's by then).
            mounted = false
            _ = try? Self.run("/usr/sbin/losetup", ["--detach", device])
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    deinit { try? unmount() }

    /// Unmounts the stick, detaches its loop device and removes the image (once).
    public func unmount() throws {
        guard mounted else { return }
        mounted = false
        defer { try? FileManager.default.removeItem(at: folder) }
        // A FUSE mount may stay busy for a moment after the last file closes.
        var unmounted = try Self.run("/usr/bin/umount", [mountPoint.path], checked: false)
        for _ in 0..<50 where unmounted.status != 0 {
            usleep(100_000)
            unmounted = try Self.run("/usr/bin/umount", [mountPoint.path], checked: false)
        }
        if unmounted.status != 0 { _ = try? Self.run("/usr/bin/umount", ["--lazy", mountPoint.path], checked: false) }
        try Self.run("/usr/sbin/losetup", ["--detach", device])
        guard unmounted.status == 0 else { throw ChildProcess.Failure(description: "exFAT stick: \(unmounted)") }
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String], checked: Bool = true) throws -> ProcessResult {
        let result = try ProcessRunner.run(URL(fileURLWithPath: executable), arguments, in: URL(fileURLWithPath: "/"),
                                           environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LC_ALL": "C"])
        guard !checked || result.status == 0 else { throw ChildProcess.Failure(description: "exFAT stick: \(result)") }
        return result
    }
}
