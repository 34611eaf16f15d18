import Foundation

/// Where output goes and how it looks: colour only on a terminal and never with `NO_COLOR`.
struct Terminal: Sendable {
    let fileDescriptor: Int32

    static let standardOutput = Terminal(fileDescriptor: 1)
    static let standardError = Terminal(fileDescriptor: 2)

    /// Whether this stream is a terminal.
    var isTerminal: Bool { isatty(fileDescriptor) == 1 }

    /// Whether to use colour: a terminal, `NO_COLOR` unset or empty, `TERM` not `dumb`.
    var usesColor: Bool {
        Self.environmentAllowsColor && isTerminal
    }

    /// `NO_COLOR` and `TERM` read once: `ProcessInfo.environment` copies the whole environment
    /// on every call, which was 6% of a `hearth log` painting a few hundred commits.
    private static let environmentAllowsColor: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }()

    /// Writes text unbuffered (stderr) or through stdout's buffer, keeping the two ordered.
    func write(_ text: String) {
        if fileDescriptor == 1 {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// `text` in an ANSI colour when colour is on.
    func paint(_ text: String, _ color: Color) -> String {
        Self.paint(text, color, enabled: usesColor)
    }

    /// `text` in an ANSI colour when `enabled`: for output that decides about colour once.
    static func paint(_ text: String, _ color: Color, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The colours hearth uses.
    enum Color: String {
        case red = "31"
        case yellow = "33"
        case green = "32"
        case dim = "2"
        case bold = "1"
    }
}
