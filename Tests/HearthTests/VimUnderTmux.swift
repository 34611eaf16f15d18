import Foundation
import TestSupport
import Testing

/// A real vim in a detached tmux session on a socket of its own, driven by keystrokes: no vimrc
/// (`-u NONE`, so `autoread` is off), no swap file, no viminfo. Every wait is bounded and fails
/// with what the screen showed. Call ``stop()`` when done (a `defer` right after creating it).
final class VimUnderTmux {
    /// Whether vim and tmux are installed.
    static let available = ["/usr/bin/vim", "/usr/bin/tmux"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }

    private let socket: String
    private let environment: [String: String]
    private let directory: URL

    /// Starts vim on `file` in `directory`; returns once vim shows the file's name.
    init(editing file: URL, in directory: URL, environment: [String: String]) throws {
        // Unix socket paths are short: keep it in /tmp, not the test's deep folder.
        socket = "/tmp/hearth-vim-\(UUID().uuidString.prefix(8)).sock"
        self.directory = directory
        var environment = environment
        environment["TERM"] = "xterm-256color"
        self.environment = environment
        // The tmux server lives on with every descriptor the client had, among them the one
        // through which Foundation's `Process` sees a child end: closed first, or this run (and
        // any other test's run started meanwhile) would never end.
        let closeInherited = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@""#
        try run("/bin/bash", ["-c", closeInherited, "bash", "/usr/bin/tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d",
                              "-x", "120", "-y", "40", "vim -u NONE -N -n -i NONE '\(file.path)'"])
        do {
            try waitForScreen("\(file.lastPathComponent)\" ")
        } catch {
            stop()
            throw error
        }
    }

    /// Ends this test's own tmux server (by its socket) and vim with it.
    func stop() {
        _ = try? tmux(["kill-server"], check: false)
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Sends keys as tmux names them (`Escape`, `Enter`) or literal text.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Sends text literally (no key names).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", "--", text])
    }

    /// What the screen shows now.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"], check: false).stdout
    }

    /// Waits (up to `timeout` seconds) until the screen contains `text`; fails with the screen.
    func waitForScreen(_ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var shown = ""
        while Date() < deadline {
            shown = try screen()
            if shown.contains(text) { return }
            usleep(50_000)
        }
        Issue.record("vim never showed \(text.debugDescription); the screen:\n\(shown)", sourceLocation: sourceLocation)
        throw SetupFailure(message: "vim did not show \(text)")
    }

    /// Waits (up to `timeout` seconds) until vim has exited and the session is gone.
    func waitForExit(timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var shown = ""
        while Date() < deadline {
            if try tmux(["has-session"], check: false).status != 0 { return }
            shown = try screen()
            usleep(50_000)
        }
        Issue.record("vim did not exit; the screen:\n\(shown)", sourceLocation: sourceLocation)
        throw SetupFailure(message: "vim did not exit")
    }

    @discardableResult
    private func tmux(_ arguments: [String], check: Bool = true) throws -> ProcessResult {
        try run("/usr/bin/tmux", ["-S", socket] + arguments, check: check)
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String], check: Bool = true) throws -> ProcessResult {
        let result = try ProcessRunner.run(URL(fileURLWithPath: executable), arguments, in: directory, environment: environment)
        if check && result.status != 0 { throw SetupFailure(message: "\(arguments.joined(separator: " ")) failed: \(result)") }
        return result
    }
}
