import Foundation

/// What headless Chromium made of one page (``HeadlessChromium/load(_:)``): the DOM after
/// loading, every console message, every request from the net log, and the screenshot and PDF
/// when asked for. The files live in a temporary folder removed with this value.
final class ChromiumPage: @unchecked Sendable {
    /// The temporary folder holding the profile, the net log and the outputs.
    let folder: URL
    /// The serialised DOM (`--dump-dom`).
    let dom: String
    /// Every console message the page caused, as Chromium logged it (`"text", source: URL (line)`).
    /// Chromium's log does not tell `console.error` from `console.log`, so all of them count: a
    /// page with no script logs only what the browser finds wrong with it (an SVG attribute it
    /// cannot parse, a resource it refused). Messages of the browser's own pages (`chrome://`,
    /// the headless window's omnibox among them) are in ``browserConsoleMessages``.
    let consoleMessages: [String]
    /// Console messages whose source is one of the browser's own pages.
    let browserConsoleMessages: [String]
    /// The requests the net log recorded.
    let netLog: ChromiumNetLog
    /// The screenshot (PNG), when one was asked for.
    let screenshot: URL?
    /// The printed PDF, when one was asked for.
    let pdf: ChromiumPDF?

    init(folder: URL, dom: String, consoleMessages: [String], netLog: ChromiumNetLog, screenshot: URL?, pdf: ChromiumPDF?) {
        self.folder = folder
        self.dom = dom
        let browserSources = [", source: chrome://", ", source: chrome-untrusted://", ", source: devtools://"]
        let isBrowsers = { (message: String) in browserSources.contains { message.contains($0) } }
        self.consoleMessages = consoleMessages.filter { !isBrowsers($0) }
        self.browserConsoleMessages = consoleMessages.filter(isBrowsers)
        self.netLog = netLog
        self.screenshot = screenshot
        self.pdf = pdf
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The page's text as a reader sees it (and a screen reader reads it): the DOM without tags,
    /// styles and scripts, entities decoded, runs of white space as one space. SVG `<title>` and
    /// `<desc>` text stays: it is the charts' text alternative.
    var text: String { Self.text(ofMarkup: dom) }

    /// The text of HTML markup (see ``text``).
    static func text(ofMarkup markup: String) -> String {
        var text = markup
        for element in ["style", "script"] {
            while let open = text.range(of: "<\(element)", options: .caseInsensitive),
                  let close = text.range(of: "</\(element)>", options: .caseInsensitive, range: open.upperBound..<text.endIndex) {
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: " ")
            }
        }
        var plain = ""
        var tag: String?
        for character in text {
            if character == "<" {
                tag = ""
            } else if character == ">", let name = tag {
                tag = nil
                // A block ends a word; an inline element (a figure inside a sentence) does not.
                let element = name.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if !inlineElements.contains(element) { plain.append(" ") }
            } else if tag != nil {
                tag?.append(character)
            } else {
                plain.append(character)
            }
        }
        return decodeEntities(plain).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Elements that sit inside a line of text rather than break it.
    static let inlineElements: Set = ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
                                      "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "tspan"]

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references decoded.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                var decoded: String?
                if let value = named[name] {
                    decoded = value
                } else if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}
