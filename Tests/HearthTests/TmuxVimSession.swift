import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Real vim (`vim -u NONE -N`, swap file on, kept beside the file as `directory=.` puts it) in a
/// detached tmux session on a socket of its own under the test's folder, so nothing of the
/// machine's tmux or vim setup takes part. Keys go in with `tmux send-keys`; the server is
/// killed when the value goes away.
final class TmuxVimSession {
    private let notebook: TemporaryNotebook
    private let socket: String

    /// Starts vim on `path` (relative to the notebook root).
    init(_ notebook: TemporaryNotebook, editing path: String) throws {
        self.notebook = notebook
        socket = notebook.base.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8)).sock").path
        // Not Foundation's Process: the server tmux starts would keep the descriptor through which
        // it watches its child, and the run would never end.
        let errors = notebook.base.appendingPathComponent("tmux-errors.log").path
        let client = try ChildSpawn.start("/usr/bin/tmux", ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", "vim",
                                                            "-x", "120", "-y", "40", "-c", notebook.root.path,
                                                            "exec vim -u NONE -N -c 'set swapfile directory=.' '\(path)'"],
                                          environment: environment, output: errors, closingInherited: true)
        var status: Int32 = 0
        while waitpid(client, &status, 0) < 0, errno == EINTR {}
        guard status == 0 else {
            throw SetupFailure(message: "tmux did not start vim (wait status \(status)): \((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")")
        }
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Sends tmux key names (`Escape`, `Enter`) or plain keys.
    func keys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "vim"] + keys).requireSuccess()
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "vim", "-l", text]).requireSuccess()
    }

    /// What the terminal shows now, for failure messages.
    var screen: String {
        (try? tmux(["capture-pane", "-p", "-t", "vim"]).stdout) ?? "(no screen)"
    }

    /// Whether vim is still running in the session.
    var isRunning: Bool {
        (try? tmux(["list-panes", "-t", "vim", "-F", "#{pane_dead}"]).stdout == "0\n") ?? false
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/tmux"), ["-S", socket] + arguments, in: notebook.root, environment: environment)
    }

    private var environment: [String: String] {
        notebook.environment(["TERM": "xterm-256color", "SHELL": "/bin/sh"])
    }
}
