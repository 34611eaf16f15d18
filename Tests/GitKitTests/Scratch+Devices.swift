import Foundation
import GitKit

extension Scratch {
    /// A repository whose history went two ways from one base commit, as two devices' would:
    /// `laptop` commits on `main`, a minute apart, and `phone` commits on the branch `phone`,
    /// `phoneStep` seconds apart (negative for a clock that runs backwards); `main` is checked
    /// out at the end.
    func divergedDevices(laptop: Int, phone: Int, phoneStep: TimeInterval) throws -> Repository {
        let (repository, _) = try repositoryWithCommits([["a.md": "base\n"]])
        try git("branch", "phone")
        for index in 1...laptop {
            try write("laptop\(index).md", "\(index)\n")
            try commitAll(repository, message: "laptop \(index)", secondsLater: Double(index) * 60)
        }
        try git("checkout", "-q", "phone")
        for index in 1...phone {
            try write("phone\(index).md", "\(index)\n")
            try commitAll(repository, message: "phone \(index)", secondsLater: Double(index) * phoneStep)
        }
        try git("checkout", "-q", "main")
        return repository
    }
}
