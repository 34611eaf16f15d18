import Foundation
import TestSupport
import Testing

/// A real terminal for a test: a detached tmux server on a socket of its own, one fixed-size pane
/// running an interactive bash (job control on, as for a person) in the notebook's folder, with
/// the notebook's environment. Keys go in with `send-keys`; the screen comes back with
/// `capture-pane`. The server is killed when the value goes away.
final class TmuxSession {
    /// What a waiting helper gives a slow machine before it fails with the screen: generous,
    /// because it is only reached when something is wrong (a test never waits for it otherwise).
    static let deadline: TimeInterval = 60

    /// The prompt of the pane's shell, to tell when a command line has finished.
    static let prompt = "hearth-test$ "

    /// The programs these tests drive; a missing one fails the test with what to install.
    static func requireTools(_ tools: [String] = ["tmux", "vim", "nano"]) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init)
        let missing = tools.filter { tool in
            !directories.contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + tool) }
        }
        guard missing.isEmpty else {
            throw SetupFailure(message: "\(missing.joined(separator: ", ")) not installed: the editor tests drive the real tmux, vim and nano; `make test-deps` installs them")
        }
    }

    /// Held so the notebook folder (and the socket in it) outlives the server.
    private let notebook: TemporaryNotebook
    private let socket: String
    private let environment: [String: String]
    /// Where the pane's command lines leave hearth's pid, exit status and terminal settings.
    let stateDirectory: URL

    /// Starts the server and waits for the shell's prompt. `extra` (EDITOR, VISUAL) is added to
    /// the notebook's environment (HOME, HEARTH_TODAY, NO_COLOR...); TERM is tmux's own.
    init(_ notebook: TemporaryNotebook, environment extra: [String: String], width: Int = 200, height: Int = 50) throws {
        try Self.requireTools()
        self.notebook = notebook
        stateDirectory = notebook.base.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        socket = stateDirectory.appendingPathComponent("sock").path
        environment = notebook.environment(extra.merging(["TERM": "xterm-256color"]) { $1 })
        let rc = stateDirectory.appendingPathComponent("bashrc")
        try "PS1='\(Self.prompt)'\nunset HISTFILE\n".write(to: rc, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: notebook.root, withIntermediateDirectories: true)
        let shell = "exec bash --noprofile --rcfile \(Self.quoted(rc.path))"
        let started = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                                "-c", notebook.root.path, shell])
        guard started.status == 0 else { throw SetupFailure(message: "tmux did not start: \(started)") }
        try waitForScreen("the shell's prompt") { $0.contains(Self.prompt) }
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    // MARK: - Keys and screen

    /// Types `text` literally, as a person would.
    func type(_ text: String) throws {
        try checked(["send-keys", "-l", "--", text])
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `C-c`, `C-o`).
    func press(_ keys: String...) throws {
        try checked(["send-keys"] + keys)
    }

    /// What the pane shows now, wrapped lines joined, trailing blank lines dropped.
    func screen() throws -> String {
        let result = try tmux(["capture-pane", "-p", "-J"])
        guard result.status == 0 else { throw SetupFailure(message: "tmux capture-pane failed: \(result)") }
        return result.stdout.replacingOccurrences(of: "\\n+$", with: "\n", options: .regularExpression)
    }

    /// The screen for a failure message (a test's `#expect` comment cannot throw).
    var shown: Comment {
        Comment(rawValue: (try? screen()).map { "the terminal shows:\n" + $0 } ?? "(tmux capture-pane failed)")
    }

    /// Polls the screen until `condition` holds; fails after ``deadline`` with what the screen
    /// showed. Returns the screen that satisfied it.
    @discardableResult
    func waitForScreen(_ what: String, _ condition: (String) -> Bool) throws -> String {
        try waitFor(what) { let text = try screen(); return condition(text) ? text : nil }
    }

    /// Polls `probe` until it returns a value; fails after ``deadline`` with the screen.
    func waitFor<Value>(_ what: String, _ probe: () throws -> Value?) throws -> Value {
        let end = Date().addingTimeInterval(Self.deadline)
        while true {
            if let value = try probe() { return value }
            guard Date() < end else {
                throw SetupFailure(message: "waited \(Int(Self.deadline)) s for \(what); the terminal shows:\n\(try screen())")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    // MARK: - Running hearth

    /// Types a command line that runs `hearth ARGUMENTS` in the notebook and then records, in
    /// ``stateDirectory``, hearth's pid (`pid`, written before hearth starts, same process),
    /// its exit status (`status`, written last) and the terminal's settings after it (`stty`).
    /// The line runs in a subshell, so when Ctrl-Z stops the job nothing after hearth runs
    /// early (bash would go on with the rest of a typed list).
    func runHearth(_ arguments: [String]) throws {
        let binary = try #require(HearthBinary.url, "no built hearth next to the test bundle; run `swift build` first")
        let state = stateDirectory.path
        for name in ["pid", "status", "stty"] { try? FileManager.default.removeItem(atPath: state + "/" + name) }
        let command = ([binary.path] + arguments).map(Self.quoted).joined(separator: " ")
        let inner = "echo $$ > \(Self.quoted(state + "/pid")); exec \(command)"
        try type("( sh -c \(Self.quoted(inner)); s=$?; stty -a > \(Self.quoted(state + "/stty")); "
                 + "echo $s > \(Self.quoted(state + "/status.new")); mv \(Self.quoted(state + "/status.new")) \(Self.quoted(state + "/status")) )")
        try press("Enter")
    }

    /// hearth's exit status, once the command line has finished; nil while it runs.
    func hearthStatus() throws -> Int32? {
        let url = stateDirectory.appendingPathComponent("status")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the command line of ``runHearth(_:)`` to finish; returns hearth's exit status.
    func waitForHearthExit() throws -> Int32 {
        try waitFor("hearth to exit") { try hearthStatus() }
    }

    /// hearth's pid, once the command line has started it.
    func hearthPID() throws -> pid_t {
        try waitFor("hearth to start") {
            (try? String(contentsOf: stateDirectory.appendingPathComponent("pid"), encoding: .utf8))
                .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }

    /// The state letter of a process (`S` sleeping, `T` stopped, `Z` zombie), nil when it is gone.
    static func processState(_ pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[close...].dropFirst(2).first
    }

    /// The processes whose parent is `pid`, and theirs, and so on (the editor, and the shell in
    /// front of it when there is one).
    static func descendants(of pid: pid_t) -> [pid_t] {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let parents: [(pid: pid_t, parent: pid_t)] = processes.compactMap { name in
            guard let child = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = pid_t(fields[1]) else { return nil }
            return (child, parent)
        }
        var found: [pid_t] = []
        var frontier = [pid]
        while let next = frontier.popLast() {
            let children = parents.filter { $0.parent == next }.map(\.pid)
            found += children
            frontier += children
        }
        return found
    }

    /// The foreground process group of the terminal `pid` runs on (`tpgid` in /proc), the group
    /// the terminal sends Ctrl-C to.
    static func terminalForegroundGroup(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 5 ? pid_t(fields[5]) : nil
    }

    /// The terminal's settings (`stty -a`) when hearth's command line had finished.
    func settingsAfterHearth() throws -> String {
        try String(contentsOf: stateDirectory.appendingPathComponent("stty"), encoding: .utf8)
    }

    // MARK: - tmux

    private func checked(_ arguments: [String]) throws {
        let result = try tmux(arguments)
        guard result.status == 0 else { throw SetupFailure(message: "tmux \(arguments.joined(separator: " ")) failed: \(result)") }
    }

    /// Runs one tmux client command. The server it forks off the first time inherits the
    /// client's clean signal mask, which the pane's shell and hearth inherit in turn.
    private func tmux(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["tmux", "-S", socket] + arguments, in: stateDirectory,
                              environment: environment, mergeOutput: true)
    }

    /// `text` in single quotes for sh.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
