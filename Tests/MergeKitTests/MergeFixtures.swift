import Foundation
import MergeKit

/// Access to `Fixtures/merge`, found relative to this file so tests run from any directory.
enum MergeFixtures {
    /// `Fixtures/merge` in the repository.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/merge")
        .standardizedFileURL

    /// Every case folder, sorted.
    static let caseNames: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return all.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    /// The first side of every fixture.
    static let laptop = MergeSide(device: "laptop", time: time("2026-11-22T10:15:00Z"))
    /// The second side of every fixture.
    static let desk = MergeSide(device: "desk", time: time("2026-11-22T10:17:00Z"))

    static func time(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad fixture time \(text)") }
        return date
    }

    /// One line of `expected-conflicts.txt`: `<kind>[ <field>] kept=<device> <device>=<value> <device>=<value>`.
    static func render(_ conflict: MergeConflict) -> String {
        var line = conflict.kind.rawValue
        if let field = conflict.field { line += " " + field }
        line += " kept=" + conflict.kept
        for side in [conflict.first, conflict.second] {
            line += " " + side.device + "=" + (side.deleted ? "(deleted)" : quoted(side.value))
        }
        return line
    }

    /// A double-quoted string with backslash, quote and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
