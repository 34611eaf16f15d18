import Foundation

/// The input of `git fast-import`: commits with inline file contents, marked so later commits
/// can name them as parents.
struct FastImportStream {
    private(set) var data = Data()
    private var nextMark = 1

    /// Appends a commit on `branch` dated `day` days after 2000-01-01 (noon UTC) and returns its mark.
    /// A nil content deletes the path.
    mutating func commit(branch: String, device: String, day: Int, parents: [Int], changes: [(String, String?)]) -> Int {
        let mark = nextMark
        nextMark += 1
        let time = 946_728_000 + day * 86_400
        let message = "\(device): sync\n"
        append("commit refs/heads/\(branch)\nmark :\(mark)\n")
        append("author \(device) <\(device)@example.invalid> \(time) +0000\n")
        append("committer \(device) <\(device)@example.invalid> \(time) +0000\n")
        append("data \(message.utf8.count)\n\(message)")
        if let first = parents.first { append("from :\(first)\n") }
        for parent in parents.dropFirst() { append("merge :\(parent)\n") }
        for (path, content) in changes {
            if let content {
                append("M 100644 inline \(path)\ndata \(content.utf8.count)\n\(content)\n")
            } else {
                append("D \(path)\n")
            }
        }
        append("\n")
        return mark
    }

    private mutating func append(_ text: String) {
        data.append(contentsOf: text.utf8)
    }
}
