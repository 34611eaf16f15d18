import Foundation

/// A fontconfig configuration (`FONTCONFIG_FILE`) that shows Chromium only the six faces of
/// Debian's fonts-dejavu-core, which the Makefile installs for the tests, so a screenshot looks the
/// same on every machine whatever else is installed (fonts-dejavu-extra, Liberation, Noto...):
/// sans-serif, serif and monospace (and the names pages ask for first, such as system-ui) all
/// end in DejaVu, with the same antialiasing and no hinting.
enum ChromiumFonts {
    /// Where fonts-dejavu-core puts its faces.
    static let directory = URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu")
    /// The faces fonts-dejavu-core installs (fonts-dejavu-extra adds others to the same folder).
    static let faces = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
                        "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"]

    /// Writes the configuration, a folder of links to the faces and a cache folder under `folder`;
    /// returns the configuration file.
    static func configure(in folder: URL) throws -> URL {
        let fonts = folder.appendingPathComponent("fonts", isDirectory: true)
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        for face in faces {
            let source = directory.appendingPathComponent(face)
            guard FileManager.default.fileExists(atPath: source.path) else {
                throw SetupFailure(message: "\(source.path) is missing; `make test-deps` installs fonts-dejavu-core (TEST_PACKAGES)")
            }
            try FileManager.default.createSymbolicLink(at: fonts.appendingPathComponent(face), withDestinationURL: source)
        }
        func alias(_ generic: String, _ family: String) -> String {
            "  <alias binding=\"same\"><family>\(generic)</family><prefer><family>\(family)</family></prefer></alias>\n"
        }
        var text = """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <dir>\(fonts.path)</dir>
              <cachedir>\(folder.appendingPathComponent("cache").path)</cachedir>

            """
        for generic in ["sans-serif", "system-ui", "ui-sans-serif", "-apple-system", "BlinkMacSystemFont", "Segoe UI",
                        "Helvetica", "Helvetica Neue", "Arial", "Roboto", "Ubuntu", "Cantarell", "Noto Sans"] {
            text += alias(generic, "DejaVu Sans")
        }
        for generic in ["serif", "ui-serif", "Georgia", "Times", "Times New Roman"] { text += alias(generic, "DejaVu Serif") }
        for generic in ["monospace", "ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Courier", "Courier New"] {
            text += alias(generic, "DejaVu Sans Mono")
        }
        text += """
              <match target="font">
                <edit name="antialias" mode="assign"><bool>true</bool></edit>
                <edit name="hinting" mode="assign"><bool>false</bool></edit>
                <edit name="rgba" mode="assign"><const>none</const></edit>
              </match>
            </fontconfig>

            """
        let file = folder.appendingPathComponent("fonts.conf")
        try Data(text.utf8).write(to: file)
        return file
    }
}
