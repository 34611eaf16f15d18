import Foundation

/// Encodable results as JSON on stdout: snake_case keys, sorted, indented, one document.
enum JSONOutput {
    static func write(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Terminal.standardOutput.write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }
}
