import Foundation
import TestSupport

extension GitCLI {
    /// The same CLI (same fake HOME) running in another directory.
    func at(_ directory: URL) -> GitCLI { GitCLI(directory: directory, home: home) }
}
