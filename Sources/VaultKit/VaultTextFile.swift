import Foundation

/// The small text format of the key envelope and the local key file: a first line
/// `<magic> <version>`, then one `name: value` line for each name, in order, nothing else. Read
/// strictly, so that one file has one spelling (the envelope's header is authenticated as written).
enum VaultTextFile {
    /// The values of `names` in `data`; errors are ``VaultError/malformed(file:line:reason:)``
    /// about `file`, naming the line. A final line end is optional.
    static func values(_ data: Data, file: String, magic: String, names: [String]) throws(VaultError) -> [String] {
        func malformed(_ line: Int?, _ reason: String) -> VaultError {
            .malformed(file: file, line: line, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw malformed(nil, "not UTF-8 text") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let first = "\(magic) \(VaultFormat.version)"
        guard lines.first == Substring(first) else {
            if let line = lines.first, line.hasPrefix("\(magic) ") {
                throw malformed(1, "format \(line.dropFirst(magic.count + 1)), this reads format \(VaultFormat.version)")
            }
            throw malformed(1, "the first line is not \"\(first)\"")
        }
        guard lines.count >= 1 + names.count else {
            throw malformed(lines.count + 1, "the file ends before its \"\(names[lines.count - 1])\" line")
        }
        guard lines.count == 1 + names.count else { throw malformed(names.count + 2, "a line after the \"\(names.last ?? "")\" line") }
        var values: [String] = []
        for (index, name) in names.enumerated() {
            let line = lines[index + 1]
            guard line.hasPrefix("\(name): ") else { throw malformed(index + 2, "expected \"\(name): \"") }
            values.append(String(line.dropFirst(name.count + 2)))
        }
        return values
    }
}
