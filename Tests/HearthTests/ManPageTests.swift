import Foundation
import TestSupport
import Testing

/// The man page `make install` installs: mdoc(7), as swift-argument-parser's GenerateManual
/// plugin writes it from the binary.
struct ManPageTests {
    /// Every command and nested command with its visible long options, from the binary's own
    /// `--experimental-dump-help`, as `["hearth remote add": ["--name", ...]]`, and their abstracts.
    private func commands(_ install: CompletionInstall) throws -> (options: [String: [String]], abstracts: [String: String]) {
        let notebook = install.notebook
        let dump = try notebook.hearth("--experimental-dump-help", in: notebook.base)
        #expect(dump.status == 0, "\(dump)")
        let root = try #require(try JSONSerialization.jsonObject(with: dump.stdoutData) as? [String: Any])
        var found: [String: [String]] = [:]
        var abstracts: [String: String] = [:]
        func walk(_ command: [String: Any], path: [String]) {
            let name = path + [command["commandName"] as? String ?? "?"]
            if path.count > 0 {
                let arguments = command["arguments"] as? [[String: Any]] ?? []
                var options: [String] = []
                for argument in arguments where argument["shouldDisplay"] as? Bool ?? true {
                    for entry in argument["names"] as? [[String: Any]] ?? [] where entry["kind"] as? String == "long" {
                        if let long = entry["name"] as? String, long != "help", long != "version" { options.append("--" + long) }
                    }
                }
                found[name.joined(separator: " ")] = options
                abstracts[name.joined(separator: " ")] = command["abstract"] as? String ?? ""
            }
            for child in command["subcommands"] as? [[String: Any]] ?? [] where child["shouldDisplay"] as? Bool ?? true {
                walk(child, path: name)
            }
        }
        walk(try #require(root["command"] as? [String: Any]), path: [])
        return (found, abstracts)
    }

    /// The page's lines under each command, by the command's path (`hearth remote add`): the
    /// plugin lists each command as an `.It Em NAME` item of its parent's `.Bl` list, followed by
    /// its text and its own list of options and subcommands.
    private func sections(of page: String) -> [String: String] {
        var sections: [String: String] = [:]
        var owners: [[String]] = []
        var current: [String]?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == ".Sh DESCRIPTION" {
                current = ["hearth"]
            } else if line.hasPrefix(".Sh") {
                current = nil
            } else if let command = current {
                if line.hasPrefix(".Bl") {
                    owners.append(command)
                } else if line == ".El" {
                    current = owners.popLast() ?? command
                } else if line.hasPrefix(".It Em "), let owner = owners.last {
                    current = owner + [String(line.dropFirst(7))]
                } else if line.hasPrefix(".It"), let owner = owners.last {
                    current = owner
                }
                sections[current!.joined(separator: " "), default: ""] += line + "\n"
            }
        }
        return sections
    }

    /// The page as `man` renders it, 200 columns wide, with runs of blanks as one space.
    private func rendered(_ install: CompletionInstall, warnings: Bool = false) throws -> (result: ProcessResult, text: String) {
        let man = try install.run("env", ["MANWIDTH=200", "man"] + (warnings ? ["--warnings"] : []) + ["-l", install.path(CompletionInstall.manPage)])
        let text = man.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        return (man, text)
    }

    @Test func groffFindsNothingToWarnAbout() throws {
        let install = try CompletionInstall()
        #expect(install.result.status == 0, "\(install.result)")
        let groff = try install.run("groff", ["-mandoc", "-ww", "-z", install.path(CompletionInstall.manPage)])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "\(groff)")
        let (man, text) = try rendered(install, warnings: true)
        #expect(man.status == 0 && man.stderr.isEmpty, "\(man)")
        // mdoc warnings (an empty line in a discussion, say) come on standard output.
        #expect(!man.stdout.contains("warning"), "\(man.stdout)")
        #expect(text.contains("hearth \u{2014} A local-first journal") || text.contains("hearth - A local-first journal"), "\(text.prefix(400))")
    }

    @Test func everyCommandHasASectionWithItsOptions() throws {
        let install = try CompletionInstall()
        let page = try String(contentsOfFile: install.path(CompletionInstall.manPage), encoding: .utf8)
        let commands = try commands(install).options
        #expect(commands.keys.contains("hearth sync") && commands.keys.contains("hearth remote add"), "\(commands.keys)")
        let sections = sections(of: page)
        #expect(Set(sections.keys) == Set(commands.keys).union(["hearth"]))
        for (name, options) in commands {
            let names = (sections[name] ?? "").split(separator: "\n").filter { $0.hasPrefix(".It Fl ") }.flatMap { $0.split(separator: " ") }
            for option in options {
                #expect(names.contains(option.dropFirst()[...]), "\(name) lacks \(option)")
            }
        }
    }

    @Test func theRenderedPageListsEveryCommand() throws {
        let install = try CompletionInstall()
        let (man, text) = try rendered(install)
        #expect(man.status == 0, "\(man)")
        for (name, abstract) in try commands(install).abstracts {
            // Nested commands are items of their parent's list, so only the last word is shown.
            let words = abstract.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(text.contains(" \(name.split(separator: " ").last!) \(words)"), "no item \(name): \(words)")
        }
    }

    /// What the page says beyond the commands comes from hearth's own help text: `-C`, the exit
    /// statuses, the environment variables and the files.
    @Test func thePageDocumentsDashCTheEnvironmentAndTheFiles() throws {
        let install = try CompletionInstall()
        let page = try String(contentsOfFile: install.path(CompletionInstall.manPage), encoding: .utf8)
        #expect(sections(of: page)["hearth"]?.contains(".It Fl C Ar DIR") == true, "\(page.prefix(2000))")
        let (_, text) = try rendered(install)
        for words in ["SYNOPSIS hearth subcommand [-C DIR...]", "-C DIR... Run as if hearth was started in DIR",
                      "2 on a usage error", "ENVIRONMENT HEARTH_NOTEBOOK", "HEARTH_TOKEN A token for https remotes",
                      "NO_COLOR When set", "VISUAL, EDITOR", "FILES hearth.yaml", ".hearth/templates/KIND.md"] {
            #expect(text.contains(words), "\(words)")
        }
    }
}
