import Foundation
@testable import NoteKit

/// Access to `Fixtures/frontmatter`, found relative to this file so tests run from any directory.
enum Fixtures {
    /// `Fixtures/frontmatter` in the repository.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/frontmatter")
        .standardizedFileURL

    /// Every good fixture (`NN-name.md`), sorted.
    static let names: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return all.filter { $0.hasSuffix(".md") }.sorted()
    }()

    /// The fixtures that have front-matter according to their golden `keys/` file.
    static let namesWithFrontMatter: [String] = names.filter { (try? golden($0))?.hasFrontMatter == true }

    /// The raw bytes of a fixture (relative to `Fixtures/frontmatter`).
    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// A fixture's text; fixtures outside `bad/` are valid UTF-8.
    static func text(_ name: String) throws -> String {
        let data = try bytes(name)
        // `String(data:encoding:)` would drop a byte order mark; this keeps every byte.
        guard let text = String(validating: data, as: UTF8.self) else { throw FixtureError("\(name) is not UTF-8") }
        return text
    }

    /// The golden description of a fixture's keys, written by an independent tool (PyYAML plus the
    /// YAML 1.2 core schema), not by NoteKit.
    static func golden(_ name: String) throws -> Golden {
        let keysName = "keys/" + name.dropLast(3) + ".keys"
        let text = try String(contentsOf: directory.appendingPathComponent(keysName), encoding: .utf8)
        if text.hasPrefix("# no front-matter") { return Golden(hasFrontMatter: false, keys: []) }
        var keys: [Golden.Key] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            let bounds = fields[0].split(separator: "-")
            guard fields.count == 3, bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]) else {
                throw FixtureError("bad golden line in \(keysName): \(line)")
            }
            keys.append(Golden.Key(fileLines: first...last, key: String(fields[1]), json: String(fields[2])))
        }
        return Golden(hasFrontMatter: true, keys: keys)
    }

    /// A file split into lines that keep their terminators (`\n` or `\r\n`), split on bytes so
    /// that `\r\n` is never treated as one character.
    static func rawLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            current.append(byte)
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
            }
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }

    /// A line without its terminator.
    static func content(_ line: String) -> String {
        var bytes = Array(line.utf8)
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The 0-based index of the closing fence in `lines` (line 0 is the opening fence).
    static func closingFenceIndex(_ lines: [String]) -> Int? {
        lines.indices.dropFirst().first { index in
            let marker = content(lines[index]).replacingOccurrences(of: "\u{FEFF}", with: "")
            let trimmed = String(marker.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            return trimmed == "---" || trimmed == "..."
        }
    }
}
