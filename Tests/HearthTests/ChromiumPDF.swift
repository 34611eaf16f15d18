import Foundation

/// What a PDF that Chromium printed holds: its page count and page sizes, read from the file's
/// page tree (`/Count`) and each page's `/MediaBox`, which Chromium's PDF writer (Skia) leaves
/// uncompressed.
struct ChromiumPDF: Sendable {
    /// The file.
    let url: URL
    /// The number of pages the page tree declares.
    let pageCount: Int
    /// Each `/MediaBox` as width and height in points (1/72 inch).
    let mediaBoxes: [[Double]]

    /// ISO A4 and US Letter in points, which `@page` may ask for and Chromium defaults to.
    static let a4 = [595.0, 842.0]
    static let letter = [612.0, 792.0]

    init(url: URL) throws {
        self.url = url
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        guard text.hasPrefix("%PDF-") else { throw SetupFailure(message: "\(url.path) is not a PDF") }
        pageCount = Self.numbers(after: "/Count ", in: text).map { Int($0[0]) }.max() ?? 0
        mediaBoxes = Self.numbers(after: "/MediaBox [", in: text).filter { $0.count == 4 }.map { [$0[2] - $0[0], $0[3] - $0[1]] }
    }

    /// Whether every page is A4 or Letter (within a point: Skia writes A4 as 594.96 x 841.92).
    var everyPageIsA4OrLetter: Bool {
        !mediaBoxes.isEmpty && mediaBoxes.allSatisfy { box in
            [Self.a4, Self.letter].contains { abs($0[0] - box[0]) < 1.5 && abs($0[1] - box[1]) < 1.5 }
        }
    }

    /// The numbers that follow each occurrence of `marker`, up to the next character that cannot
    /// be part of a list of numbers.
    private static func numbers(after marker: String, in text: String) -> [[Double]] {
        var lists: [[Double]] = []
        var rest = text[...]
        while let found = rest.range(of: marker) {
            let tail = rest[found.upperBound...]
            let run = tail.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == " " }
            let values = run.split(separator: " ").compactMap { Double($0) }
            if !values.isEmpty { lists.append(values) }
            rest = tail
        }
        return lists
    }
}
