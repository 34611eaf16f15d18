import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Loads a page from disk in Debian's `chromium --headless`, the way a person opens a saved file,
/// with no network at all: Chromium runs in a network namespace of its own (`unshare --net`: only
/// a loopback that is down), and its net log records every request it still tries, so "no network
/// request" is read from the log rather than assumed from the silence (``ChromiumNetLog``).
///
/// One launch dumps the DOM, collects the console messages (``ChromiumPage/consoleMessages``),
/// and takes the screenshot and prints the PDF when asked. Each launch gets a fresh profile, only
/// the DejaVu faces (``ChromiumFonts``), a fixed window and device scale, sRGB, no scrollbars and
/// no hinting, so the same page gives the same pixels. A Chromium that has not finished after
/// ``timeout`` seconds is killed, with everything it started, and the load throws.
struct HeadlessChromium: Sendable {
    /// The window (and screenshot) size in CSS pixels, at a device scale of 1.
    var width = 1000
    var height = 800
    /// What `prefers-color-scheme` matches.
    var scheme = ChromiumColorScheme.light
    /// Whether to take a screenshot of the window.
    var screenshot = true
    /// Whether to print the page to PDF.
    var pdf = false
    /// Seconds before a launch counts as hung.
    var timeout: TimeInterval = 120

    /// `chromium`, as `make test-deps` installs it (TEST_PACKAGES), or the one `HEARTH_CHROMIUM` names.
    static func executable() throws -> URL {
        if let named = ProcessInfo.processInfo.environment["HEARTH_CHROMIUM"], !named.isEmpty {
            return URL(fileURLWithPath: named)
        }
        guard let found = CompletionInstall.which("chromium") else {
            throw SetupFailure(message: "chromium is not installed; `make test-deps` installs it (TEST_PACKAGES), or apt-get install chromium")
        }
        return found
    }

    /// The switches of every launch, less the outputs.
    func switches(profile: URL, netLog: URL) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=" + profile.path, "--lang=en-US",
            // Quiet the browser's own background traffic (what remains is told apart in ChromiumNetLog).
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--disable-extensions", "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--no-pings",
            "--metrics-recording-only", "--disable-field-trial-config",
            "--disable-features=NetworkTimeServiceQuerying,SpellCheck,Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
            // The same pixels on every machine.
            "--window-size=\(width),\(height)", "--force-device-scale-factor=1", "--hide-scrollbars",
            "--force-color-profile=srgb", "--font-render-hinting=none", "--blink-settings=" + scheme.blinkSetting,
            // Console messages on stderr, every request in the net log.
            "--enable-logging=stderr", "--v=0", "--log-net-log=" + netLog.path,
        ]
    }

    /// Loads `page` (a local HTML file) and returns what Chromium made of it.
    func load(_ page: URL) throws -> ChromiumPage {
        let chromium = try Self.executable()
        guard let unshare = CompletionInstall.which("unshare") else {
            throw SetupFailure(message: "unshare (util-linux) is not installed")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-chromium-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var cleanUp = true
        defer { if cleanUp { try? FileManager.default.removeItem(at: folder) } }
        let home = folder.appendingPathComponent("home", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let netLog = folder.appendingPathComponent("net-log.json")
        let screenshotFile = folder.appendingPathComponent("screenshot.png")
        let pdfFile = folder.appendingPathComponent("page.pdf")

        // Root makes the namespace directly; anyone else through a user namespace of their own.
        var arguments = geteuid() == 0 ? ["--net", "--"] : ["--user", "--map-root-user", "--net", "--"]
        arguments += [chromium.path] + switches(profile: folder.appendingPathComponent("profile"), netLog: netLog)
        if screenshot { arguments.append("--screenshot=" + screenshotFile.path) }
        if pdf { arguments += ["--print-to-pdf=" + pdfFile.path, "--no-pdf-header-footer"] }
        arguments += ["--dump-dom", page.absoluteURL.absoluteString]

        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/.config", "XDG_CACHE_HOME": home.path + "/.cache",
            "FONTCONFIG_FILE": try ChromiumFonts.configure(in: folder.appendingPathComponent("fontconfig")).path,
            "LC_ALL": "C.UTF-8", "TZ": "UTC",
        ]
        let result = try ProcessRunner.run(unshare, arguments, in: folder, environment: environment, killAfter: timeout)
        let log = Self.browserLog(result.stderr)
        if result.wasKilled {
            throw SetupFailure(message: "chromium did not finish loading \(page.path) within \(Int(timeout)) s and was killed\n\(log)")
        }
        guard result.status == 0 else {
            throw SetupFailure(message: "chromium failed on \(page.path): \(result.status)\n\(log)")
        }
        for (wanted, file) in [(screenshot, screenshotFile), (pdf, pdfFile)] where wanted {
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw SetupFailure(message: "chromium wrote no \(file.lastPathComponent) for \(page.path)\n\(log)")
            }
        }
        let loaded = ChromiumPage(folder: folder, dom: result.stdout, consoleMessages: Self.consoleMessages(result.stderr),
                                  netLog: try ChromiumNetLog(contentsOf: netLog),
                                  screenshot: screenshot ? screenshotFile : nil, pdf: pdf ? try ChromiumPDF(url: pdfFile) : nil)
        cleanUp = false
        return loaded
    }

    /// The text of each `CONSOLE` line Chromium logged, e.g.
    /// `[1:1:1207/053240.215300:INFO:CONSOLE:1] "an error", source: file:///p.html (1)`.
    static func consoleMessages(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line in
            guard let marker = line.range(of: ":CONSOLE"), let close = line[marker.upperBound...].range(of: "] ") else { return nil }
            return String(line[close.upperBound...])
        }
    }

    /// Chromium's stderr without the lines every launch in a container prints (no D-Bus, no GPU,
    /// the Debian wrapper's own complaint), for failure messages.
    static func browserLog(_ stderr: String) -> String {
        let noise = ["dbus/", "D-Bus", "vaapi_wrapper", "sandbox_linux", "bluez_dbus_manager", "/usr/bin/chromium: "]
        return stderr.split(separator: "\n").filter { line in !noise.contains { line.contains($0) } }.suffix(30).joined(separator: "\n")
    }
}
