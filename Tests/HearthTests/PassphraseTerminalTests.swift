import Foundation
import TestSupport
import Testing

/// The passphrase of an encrypted remote typed at a real terminal (a tmux pane running an
/// interactive bash, no `HEARTH_PASSPHRASE`): asked twice for a new remote and again when the two
/// differ, once for a clone and for a sync after `forget-key`; never shown; Ctrl-C at the prompt
/// gives the terminal back with echo on and writes nothing.
// The limit guards against a hang, it does not time the tests: the test process runs two tests
// at a time on two cores, and a test waiting for its turn behind minutes-long ones (kill stress,
// disk full) has its clock running; 1 and 2 minutes were exceeded that way under load.
@Suite(.timeLimit(.minutes(10)))
struct PassphraseTerminalTests {
    static let passphrase = "typed-lantern-" + UUID().uuidString.prefix(8)

    /// A notebook with one entry, an empty bare carrier `base/carrier.git`, and a terminal.
    struct Desk {
        let notebook: TemporaryNotebook
        let session: TmuxSession
        var carrier: URL { notebook.base.appendingPathComponent("carrier.git") }

        init() throws {
            notebook = try TemporaryNotebook(initialized: true)
            try notebook.git(in: notebook.base, "init", "-q", "--bare", notebook.base.appendingPathComponent("carrier.git").path)
                .requireSuccess()
            try notebook.hearth("jot", "a line typed before the vault").requireSuccess()
            session = try TmuxSession(notebook, environment: [:])
        }

        /// Waits until the pane shows `prompt` `count` times (a prompt left on screen by an
        /// earlier question counts too), then types `text` and Enter.
        func answer(_ prompt: String, count: Int = 1, with text: String) throws {
            try session.waitForScreen("prompt #\(count) '\(prompt)'") { $0.components(separatedBy: prompt).count - 1 >= count }
            try session.type(text)
            try session.press("Enter")
        }

        /// ``TmuxSession/runHearth(_:)`` for a hearth that Ctrl-C ends: there the subshell of the
        /// command line would end with it (bash ends itself when its foreground child dies of
        /// SIGINT) before recording the status; a trap keeps it. (A trap, not an ignored signal:
        /// hearth would inherit that and never see Ctrl-C.)
        func runHearthThroughCtrlC(_ arguments: [String]) throws {
            let binary = try #require(HearthBinary.url)
            let state = session.stateDirectory.path
            for name in ["pid", "status", "stty"] { try? FileManager.default.removeItem(atPath: state + "/" + name) }
            let command = ([binary.path] + arguments).map(TmuxSession.quoted).joined(separator: " ")
            let quoted = { (name: String) in TmuxSession.quoted(state + "/" + name) }
            try session.type("( trap : INT; sh -c \(TmuxSession.quoted("echo $$ > \(quoted("pid")); exec \(command)")); s=$?; "
                             + "stty -a > \(quoted("stty")); echo $s > \(quoted("status.new")); mv \(quoted("status.new")) \(quoted("status")) )")
            try session.press("Enter")
        }

        /// Whether terminal settings as `stty -a` prints them have `flag` on.
        static func has(_ flag: String, in settings: String) -> Bool {
            let words = settings.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
            return words.contains(Substring(flag)) && !words.contains(Substring("-" + flag))
        }
    }

    static let newPrompt = "Passphrase for the encrypted remote 'vault': "
    static let repeatPrompt = "Repeat the passphrase: "

    @Test func remoteAddAsksTwiceWithoutEchoAgainOnAMismatchAndCloneAsksOnce() throws {
        let desk = try Desk()
        let notebook = desk.notebook
        let session = desk.session
        try session.runHearth(["remote", "add", "vault", desk.carrier.path, "--encrypt"])
        try desk.answer(Self.newPrompt, with: Self.passphrase)
        try desk.answer(Self.repeatPrompt, with: "a-different-one")
        try session.waitForScreen("the mismatch to be named") { $0.contains("The two passphrases differ; once more.") }
        try desk.answer(Self.newPrompt, count: 2, with: Self.passphrase)
        try desk.answer(Self.repeatPrompt, count: 2, with: Self.passphrase)
        #expect(try session.waitForHearthExit() == 0, session.shown)
        let screen = try session.screen()
        #expect(screen.contains("Added encrypted remote vault"), session.shown)
        #expect(!screen.contains(Self.passphrase) && !screen.contains("a-different-one"), session.shown)
        let settings = try session.settingsAfterHearth()
        #expect(Desk.has("echo", in: settings), "\(settings)")

        // The key is kept: the remote works with no passphrase given, and the one typed opens it.
        let sync = try notebook.hearth("sync")
        #expect(sync.status == 0 && sync.stdout.contains("Sent"), "\(sync)")
        try session.runHearth(["clone", desk.carrier.path, notebook.base.appendingPathComponent("phone").path, "--device", "phone"])
        try desk.answer("Passphrase of the encrypted remote '\(desk.carrier.path)': ", with: Self.passphrase)
        #expect(try session.waitForHearthExit() == 0, session.shown)
        let afterClone = try session.screen()
        #expect(afterClone.components(separatedBy: "Passphrase of the encrypted remote").count == 2, "asked once: \(session.shown)")
        #expect(!afterClone.contains(Self.passphrase) && !afterClone.contains(Self.repeatPrompt + Self.repeatPrompt), session.shown)
        let phone = notebook.base.appendingPathComponent("phone")
        #expect(try TemporaryNotebook.files(under: phone) == (try notebook.snapshot()))
    }

    @Test func aSyncAfterForgetKeyAsksAndThenWorks() throws {
        let desk = try Desk()
        let notebook = desk.notebook
        let session = desk.session
        try notebook.hearth(["remote", "add", "vault", desk.carrier.path, "--encrypt"], environment: ["HEARTH_PASSPHRASE": Self.passphrase])
            .requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        try notebook.hearth("remote", "forget-key", "vault").requireSuccess()
        try notebook.hearth("jot", "after forgetting").requireSuccess()

        try session.runHearth(["sync"])
        try desk.answer("Passphrase of the encrypted remote 'vault': ", with: Self.passphrase)
        #expect(try session.waitForHearthExit() == 0, session.shown)
        #expect(!(try session.screen()).contains(Self.passphrase), session.shown)
        #expect(Desk.has("echo", in: try session.settingsAfterHearth()))
        // Asked once: the key is kept again.
        let keys = try FileManager.default.contentsOfDirectory(atPath: notebook.root.appendingPathComponent(".git/hearth/keys").path)
        #expect(keys == ["vault.key"], "\(keys)")
        try notebook.hearth("jot", "and once more").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let carrierLog = try notebook.git(in: desk.carrier, "rev-list", "--count", "hearth-encrypted").requireSuccess().stdout
        #expect(Int(carrierLog.trimmingCharacters(in: .whitespacesAndNewlines)) == 4, "\(carrierLog)")
    }

    @Test func ctrlCAtThePromptLeavesEchoOnAndWritesNothing() throws {
        let desk = try Desk()
        let notebook = desk.notebook
        let session = desk.session
        let configBefore = try Data(contentsOf: notebook.root.appendingPathComponent(".git/config"))
        let before = try TemporaryNotebook.files(under: notebook.root.appendingPathComponent(".git"))
        // Half a passphrase typed at the first prompt, then Ctrl-C; then the same at the second.
        for (name, prompt, newPrompts) in [("first", Self.newPrompt, 1), ("repeat", Self.repeatPrompt, 2)] {
            try desk.runHearthThroughCtrlC(["remote", "add", "vault", desk.carrier.path, "--encrypt"])
            if prompt == Self.repeatPrompt { try desk.answer(Self.newPrompt, count: newPrompts, with: Self.passphrase) }
            // (The first run's prompt stays on the screen; the repeat prompt shows only in the second.)
            try session.waitForScreen("the \(name) prompt") { $0.components(separatedBy: prompt).count - 1 >= 1 }
            try session.type("half-typed")
            try session.press("C-c")
            let status = try session.waitForHearthExit()
            #expect(status == 130, "Ctrl-C at the \(name) prompt ends hearth by SIGINT: \(session.shown)")
            let settings = try session.settingsAfterHearth()
            #expect(Desk.has("echo", in: settings) && Desk.has("icanon", in: settings), "\(settings)")
            #expect(try Data(contentsOf: notebook.root.appendingPathComponent(".git/config")) == configBefore)
            #expect(try TemporaryNotebook.files(under: notebook.root.appendingPathComponent(".git")) == before)
            #expect(try notebook.git(in: desk.carrier, "for-each-ref").requireSuccess().stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: notebook.root.appendingPathComponent(".git/hearth/encrypted").path))
            let screen = try session.screen()
            #expect(!screen.contains("half-typed") && !screen.contains(Self.passphrase), session.shown)
        }
        // The shell after it echoes what is typed.
        try session.type("echo visible-$((6 * 7))")
        try session.press("Enter")
        try session.waitForScreen("the shell to echo the command") { $0.contains("echo visible-$((6 * 7))") && $0.contains("visible-42") }
    }
}
