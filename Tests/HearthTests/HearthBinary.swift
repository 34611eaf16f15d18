import Foundation

/// Finds the `hearth` executable that `swift build` put next to the test bundle.
enum HearthBinary {
    /// The built `hearth`, or nil when none is found.
    static let url: URL? = locate()

    private static func locate() -> URL? {
        var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL, Bundle.main.bundleURL]
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var directory = start.resolvingSymlinksInPath()
            for _ in 0..<8 {
                let candidate = directory.appendingPathComponent("hearth")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }
}
