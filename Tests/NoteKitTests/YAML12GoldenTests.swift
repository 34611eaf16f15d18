import Foundation
import Testing
@testable import NoteKit

/// hearth's reading of a few hundred tricky documents against a YAML 1.2 reader: the goldens in
/// `Fixtures/frontmatter/yaml12/*.jsonl` hold what ruamel.yaml (with the core schema's resolver)
/// reads, written by `Scripts/yaml12-diff.py --write`, except the documents whose record says
/// why hearth deliberately differs. No Python is needed to run them.
@Suite struct YAML12GoldenTests {
    struct Document: CustomTestStringConvertible, Sendable {
        var family: String
        var name: String
        var yaml: String
        /// Key and compact JSON per entry, nil when the document must be refused.
        var keys: [[String]]?
        var testDescription: String { family + "/" + name }
    }

    static let directory = Fixtures.directory.appendingPathComponent("yaml12")

    static let documents: [Document] = {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
        return files.flatMap { file -> [Document] in
            let text = (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { line in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let name = object["name"] as? String, let yaml = object["yaml"] as? String else { return nil }
                return Document(family: String(file.dropLast(6)), name: name, yaml: yaml, keys: object["keys"] as? [[String]])
            }
        }
    }()

    @Test func theCorpusIsComplete() {
        #expect(Self.documents.count >= 300)
        #expect(Self.documents.filter { $0.name.hasPrefix("sign-") && !$0.name.contains("-list-") && !$0.name.contains("-block-")
            && !$0.name.contains("-control-") }.count == 51)
        #expect(Set(Self.documents.map(\.family)) == ["signs", "numbers", "bools", "nulls", "tags", "anchors", "indentation", "quoting", "multiline"])
    }

    @Test(arguments: documents)
    func readsAsTheYAML12ReaderDoes(_ document: Document) throws {
        let text = "---\n" + document.yaml + "---\nBody.\n"
        guard let keys = document.keys else {
            #expect(throws: Diagnostic.self, "\(document.name) must be refused") { try Note(parsing: text, path: "x.md") }
            return
        }
        let note = try Note(parsing: text, path: "x.md")
        let entries = note.frontMatter?.entries ?? []
        #expect(entries.map(\.key) == keys.map { $0[0] }, "\(document.name)")
        for (entry, expected) in zip(entries, keys) {
            #expect(entry.value.jsonObject.serialized() == expected[1], "\(document.name): \(entry.key)")
        }
        // What the scanner read, the query cache gives back unchanged.
        let encoded = FrontMatterCodec.encode(note)
        let cached = encoded.withUnsafeBytes { FrontMatterCodec.decode($0, 0..<encoded.count, path: "x.md", body: note.body) }
        #expect(cached?.frontMatter?.entries == note.frontMatter?.entries, "\(document.name)")
    }
}
