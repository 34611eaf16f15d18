import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Which entries a process opens, seen from outside it: an inotify watch with `IN_OPEN` on every
/// folder of the notebook (not `.git`). The kernel reports each open of a file in a watched
/// folder, whoever makes it, and a `stat` opens nothing; so a command that left no event read
/// no entry, whatever it says about itself.
final class EntryOpenWatch {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]

    /// Watches every folder under `root` but `.git`.
    init(root: URL) throws {
        descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else { throw SetupFailure(message: "inotify_init1: \(String(cString: strerror(errno)))") }
        var pending = [""]
        while let folder = pending.popLast() {
            let path = folder.isEmpty ? root.path : root.path + "/" + folder
            let watch = inotify_add_watch(descriptor, path, UInt32(IN_OPEN | IN_ONLYDIR))
            guard watch >= 0 else { throw SetupFailure(message: "inotify_add_watch \(path): \(String(cString: strerror(errno)))") }
            folders[watch] = folder
            for name in try FileManager.default.contentsOfDirectory(atPath: path) where name != ".git" {
                var isDirectory: ObjCBool = false
                let child = folder.isEmpty ? name : folder + "/" + name
                if FileManager.default.fileExists(atPath: root.path + "/" + child, isDirectory: &isDirectory), isDirectory.boolValue {
                    pending.append(child)
                }
            }
        }
    }

    deinit { close(descriptor) }

    /// The notebook-relative paths of the Markdown files opened since the last call, in order.
    func openedEntries() -> [String] {
        var opened: [String] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            // struct inotify_event: wd (int32), mask, cookie, len (uint32), then len bytes of name.
            while offset + 16 <= count {
                let watch = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self) }
                let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
                let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if mask & UInt32(IN_ISDIR) == 0, name.hasSuffix(".md"), let folder = folders[watch] {
                    opened.append(folder.isEmpty ? name : folder + "/" + name)
                }
                offset += 16 + length
            }
        }
        return opened
    }
}
