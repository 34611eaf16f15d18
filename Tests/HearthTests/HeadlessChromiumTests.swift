import Foundation
import Testing

/// The headless Chromium harness can fail: each check the review's browser tests rely on
/// (console, network, screenshot, colour scheme, PDF, a hung browser) is shown catching a page
/// that breaks it, next to a page that passes.
@Suite struct HeadlessChromiumTests {
    /// Four coloured boxes and no text, so the committed reference does not depend on fonts.
    static let boxes = """
        <!doctype html><html><head><meta charset="utf-8"><style>
        body { margin: 0; background: #ffffff; }
        div { position: absolute; width: 200px; height: 120px; }
        </style></head><body>
        <div style="left: 20px; top: 20px; background: #0072b2"></div>
        <div style="left: 260px; top: 20px; background: #e69f00"></div>
        <div style="left: 20px; top: 180px; background: #009e73"></div>
        <div id="changed" style="left: 260px; top: 180px; background: #cc79a7"></div>
        </body></html>
        """
    static let reference = ScreenshotReference(path: "Fixtures/review-html/harness/boxes.png")
    static let window = (width: 500, height: 320)

    /// Writes `html` to a page in `notebook`'s folder.
    func page(_ html: String, in notebook: TemporaryNotebook, name: String = "page.html") throws -> URL {
        let url = notebook.base.appendingPathComponent(name)
        try Data(html.utf8).write(to: url)
        return url
    }

    func chromium(scheme: ChromiumColorScheme = .light, screenshot: Bool = true, pdf: Bool = false) -> HeadlessChromium {
        HeadlessChromium(width: Self.window.width, height: Self.window.height, scheme: scheme, screenshot: screenshot, pdf: pdf)
    }

    @Test func aPlainPageLoadsCleanlyMatchesItsReferenceAndPrints() throws {
        let notebook = try TemporaryNotebook()
        // The text lies below the window: in the DOM and the PDF, not in the font-free screenshot.
        let html = Self.boxes.replacingOccurrences(of: "</body>", with: "<p style=\"position: absolute; top: 400px\">Plain &amp; simple</p></body>")
        let loaded = try chromium(pdf: true).load(try page(html, in: notebook))
        #expect(loaded.consoleMessages.isEmpty, "\(loaded.consoleMessages)")
        #expect(loaded.netLog.pageRequests.isEmpty, "\(loaded.netLog.pageRequests)")
        #expect(loaded.netLog.eventCount > 0, "the net log recorded nothing")
        #expect(loaded.dom.contains("id=\"changed\""), "\(loaded.dom)")
        #expect(loaded.text == "Plain & simple", "\(loaded.text)")
        let pdf = try #require(loaded.pdf)
        #expect(pdf.pageCount == 1 && pdf.everyPageIsA4OrLetter, "\(pdf.pageCount) pages, \(pdf.mediaBoxes)")
        let screenshot = try #require(loaded.screenshot)
        try Self.reference.expectMatch(screenshot)
    }

    @Test func consoleMessagesAreCaught() throws {
        let notebook = try TemporaryNotebook()
        let html = """
            <!doctype html><html><body><p>text</p>
            <script>console.error("hearth harness: an error")</script>
            <svg width="10" height="10"><path d="M 0 0 L x"/></svg>
            </body></html>
            """
        let loaded = try chromium(screenshot: false).load(try page(html, in: notebook))
        #expect(loaded.consoleMessages.contains { $0.contains("\"hearth harness: an error\"") }, "\(loaded.consoleMessages)")
        // No script at all: Chromium's own complaint about a broken SVG attribute is caught too.
        #expect(loaded.consoleMessages.contains { $0.contains("attribute d") }, "\(loaded.consoleMessages)")
    }

    @Test func networkRequestsAreCaughtThoughNothingAnswers() throws {
        let notebook = try TemporaryNotebook()
        let html = """
            <!doctype html><html><head>
            <link rel="stylesheet" href="https://style.example.invalid/a.css">
            <style>
            @font-face { font-family: Far; src: url(https://font.example.invalid/far.woff2); }
            body { font-family: Far, sans-serif; background: url(http://background.example.invalid/b.png); }
            </style></head><body><p>text</p><img src="http://example.invalid/x.png" alt="">
            <a href="http://link.example.invalid/">a link is not a request until followed</a>
            </body></html>
            """
        let loaded = try chromium(screenshot: false).load(try page(html, in: notebook))
        let requested = Set(loaded.netLog.pageRequests)
        #expect(requested.isSuperset(of: ["https://style.example.invalid/a.css", "https://font.example.invalid/far.woff2",
                                          "http://background.example.invalid/b.png", "http://example.invalid/x.png"]),
                "\(loaded.netLog.pageRequests)")
        #expect(!requested.contains("http://link.example.invalid/"))
    }

    @Test func aDifferentPageFailsTheReference() throws {
        let notebook = try TemporaryNotebook()
        let html = Self.boxes.replacingOccurrences(of: "background: #cc79a7", with: "background: #56b4e9")
        let loaded = try chromium().load(try page(html, in: notebook))
        var reference = Self.reference
        reference.outputs = notebook.base.appendingPathComponent("screenshots", isDirectory: true)
        let screenshot = try #require(loaded.screenshot)
        let message = try #require(try reference.mismatch(screenshot, record: false), "a recoloured box passed as the reference")
        #expect(message.contains("differ by more than 32"), "\(message)")
        // 200 x 120 of 500 x 320 pixels: 15 %, far beyond what antialiasing could explain.
        #expect(message.contains("15.000 %"), "\(message)")
        for file in [reference.actualURL, reference.diffURL] {
            #expect(message.contains(file.path), "\(message)")
            #expect(FileManager.default.fileExists(atPath: file.path), "\(file.path)")
        }
    }

    @Test func darkSchemeIsSeenByThePageAndOnlyByAPageThatAsks() throws {
        let notebook = try TemporaryNotebook()
        let html = """
            <!doctype html><html><head><style>
            body { margin: 0; background: #ffffff; }
            @media (prefers-color-scheme: dark) { body { background: #101010; } }
            </style></head><body></body></html>
            """
        let url = try page(html, in: notebook)
        let light = try chromium(scheme: .light).load(url)
        let dark = try chromium(scheme: .dark).load(url)
        let lightScreenshot = try #require(light.screenshot)
        let darkScreenshot = try #require(dark.screenshot)
        let difference = try PNGDifference.measure(reference: lightScreenshot, actual: darkScreenshot, threshold: 32)
        #expect(difference.differingShare == 1, "\(difference)")
        // The boxes have no dark scheme: in the dark they still match the light reference.
        let boxes = try chromium(scheme: .dark).load(try page(Self.boxes, in: notebook, name: "boxes.html"))
        var reference = Self.reference
        reference.outputs = notebook.base.appendingPathComponent("screenshots", isDirectory: true)
        let boxesScreenshot = try #require(boxes.screenshot)
        let mismatch = try reference.mismatch(boxesScreenshot, record: false)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func aHungChromiumIsKilledAndFailsTheLoad() throws {
        let notebook = try TemporaryNotebook()
        let url = try page("<!doctype html><html><body><script>for (;;) {}</script></body></html>", in: notebook)
        var chromium = chromium(screenshot: false)
        chromium.timeout = 10
        let error = #expect(throws: SetupFailure.self) { _ = try chromium.load(url) }
        #expect(error?.message.contains("did not finish loading") == true, "\(String(describing: error))")
    }
}
