import Foundation

/// A line read from the terminal with echo off, and the terminal given back as it was on every way
/// out: a return, a throw, and the signals that end or stop a process at a terminal.
///
/// Without the signal handlers, Ctrl-C while the passphrase is being typed would end hearth with
/// echo still off, and the shell after it would not show what the user types. So while echo is
/// off:
/// - SIGINT, SIGQUIT, SIGTERM, SIGHUP: the handler puts the terminal back, moves to a fresh line,
///   puts back the signal's previous action and raises the signal again, so it does what it would
///   have done without the prompt (the default: end the process, with the status a shell expects).
/// - SIGTSTP (Ctrl-Z): the terminal back, then the process stops; SIGCONT (`fg`): echo off again
///   and the prompt again (the terminal discards a half-typed line on Ctrl-Z).
/// A signal the process ignores stays ignored. The handlers call only async-signal-safe functions
/// (`tcsetattr`, `write`, `sigaction`, `raise`) on memory set up before they are installed, never
/// Swift values that count references.
enum PassphraseTerminal {
    /// The signals that end the process by default.
    static let endingSignals = [SIGINT, SIGQUIT, SIGTERM, SIGHUP]

    /// What the handlers read, allocated once and never freed: a signal may arrive at any moment
    /// while they are installed.
    private struct Shared {
        /// The terminal's descriptor (`-1` when no prompt is active), the prompt's byte count.
        let numbers = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        /// The terminal's mode before, and with echo off.
        let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        let silent = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        /// Each signal's previous action, by number.
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        /// The prompt's bytes (at most ``promptCapacity``), written again after Ctrl-Z and `fg`.
        let prompt = UnsafeMutablePointer<UInt8>.allocate(capacity: promptCapacity)
    }

    static let promptCapacity = 1024
    /// The longest passphrase read: longer is refused rather than cut.
    static let maximumLength = 4096

    // Written only while no handler is installed (before installing, after removing), read by
    // the handlers: the one mutable global state, as a signal handler needs.
    nonisolated(unsafe) private static let shared = Shared()

    /// Writes `prompt` to the terminal `descriptor`, reads one line with echo off and returns it
    /// without its line end.
    static func readLine(_ descriptor: Int32, prompt: String) throws(PassphrasePromptError) -> String {
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else { throw failure("cannot read the terminal's mode") }
        var silent = original
        // ECHO off, ICANON kept: the terminal still handles backspace and sends whole lines;
        // ECHONL off so the Enter is not shown either (a newline is written after the read).
        silent.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        let shared = Self.shared
        shared.saved.pointee = original
        shared.silent.pointee = silent
        let promptBytes = Array(prompt.utf8.prefix(promptCapacity))
        for (index, byte) in promptBytes.enumerated() { shared.prompt[index] = byte }
        shared.numbers[0] = descriptor
        shared.numbers[1] = Int32(promptBytes.count)

        installHandlers()
        defer {
            _ = tcsetattr(descriptor, TCSAFLUSH, &original)
            removeHandlers()
            shared.numbers[0] = -1
            write(descriptor, "\n")
        }
        write(descriptor, prompt)
        // TCSAFLUSH: what was typed before the prompt (while echo was on) is not taken as the
        // passphrase.
        guard tcsetattr(descriptor, TCSAFLUSH, &silent) == 0 else { throw failure("cannot turn the terminal's echo off") }
        return try readLineBytes(descriptor)
    }

    /// One line's bytes, read one byte at a time so that nothing after the line end is consumed.
    private static func readLineBytes(_ descriptor: Int32) throws(PassphrasePromptError) -> String {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = Foundation.read(descriptor, &byte, 1)
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read the terminal")
            }
            if count == 0 {
                if line.isEmpty { throw .endOfInput }
                break
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            line.append(byte)
            guard line.count <= maximumLength else {
                throw .terminal(reason: "the passphrase is longer than \(maximumLength) bytes")
            }
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// Writes `text` to the terminal (not through stdout or stderr: those may be redirected, and
    /// the prompt is for the person at the terminal).
    static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }

    private static func failure(_ what: String) -> PassphrasePromptError {
        .terminal(reason: "\(what): \(String(cString: strerror(errno)))")
    }

    private static func installHandlers() {
        for signal in endingSignals { install(signal, endingHandler) }
        install(SIGTSTP, stopHandler)
        install(SIGCONT, continueHandler)
    }

    /// Installs `handler` for `signal`, keeping the previous action; a signal that is ignored
    /// stays ignored (`nohup`, a parent that wants it so).
    private static func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var current = sigaction()
        sigaction(signal, nil, &current)
        shared.previous[Int(signal)] = current
        guard !isIgnore(current) else { return }
        var action = sigaction()
        action.handler = handler
        sigemptyset(&action.sa_mask)
        // SA_RESTART: the read goes on after a stop and continue.
        action.sa_flags = SA_RESTART
        sigaction(signal, &action, nil)
    }

    private static func removeHandlers() {
        for signal in endingSignals + [SIGTSTP, SIGCONT] {
            sigaction(signal, shared.previous + Int(signal), nil)
        }
    }

    private static func isIgnore(_ action: sigaction) -> Bool {
        unsafeBitCast(action.handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// SIGINT and the others: the terminal back, a fresh line, then the signal as before.
    private static let endingHandler: @convention(c) (Int32) -> Void = { signal in
        let shared = PassphraseTerminal.shared
        let descriptor = shared.numbers[0]
        if descriptor >= 0 {
            _ = tcsetattr(descriptor, TCSANOW, shared.saved)
            var newline = UInt8(ascii: "\n")
            _ = Foundation.write(descriptor, &newline, 1)
        }
        sigaction(signal, shared.previous + Int(signal), nil)
        // Blocked while this handler runs: delivered with the previous action once it returns.
        raise(signal)
    }

    /// Ctrl-Z: the terminal back, then stop as the default action does.
    private static let stopHandler: @convention(c) (Int32) -> Void = { signal in
        let shared = PassphraseTerminal.shared
        let descriptor = shared.numbers[0]
        if descriptor >= 0 { _ = tcsetattr(descriptor, TCSANOW, shared.saved) }
        var stop = sigaction()
        stop.handler = SIG_DFL
        sigemptyset(&stop.sa_mask)
        sigaction(signal, &stop, nil)
        raise(signal)
    }

    /// `fg` after Ctrl-Z: echo off again, the prompt again, and Ctrl-Z handled again.
    private static let continueHandler: @convention(c) (Int32) -> Void = { _ in
        let shared = PassphraseTerminal.shared
        let descriptor = shared.numbers[0]
        guard descriptor >= 0 else { return }
        _ = tcsetattr(descriptor, TCSAFLUSH, shared.silent)
        var newline = UInt8(ascii: "\n")
        _ = Foundation.write(descriptor, &newline, 1)
        _ = Foundation.write(descriptor, shared.prompt, Int(shared.numbers[1]))
        if !isIgnore(shared.previous[Int(SIGTSTP)]) {
            var action = sigaction()
            action.handler = stopHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(SIGTSTP, &action, nil)
        }
    }
}
