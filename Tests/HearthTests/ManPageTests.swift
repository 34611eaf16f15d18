import Foundation
import TestSupport
import Testing

/// The man page `make install` generates from the binary (Scripts/generate-manpage.py).
struct ManPageTests {
    /// Every command and nested command with its visible long options, from the binary's own
    /// `--experimental-dump-help`, as `["hearth remote add": ["--name", ...]]`.
    private func commands(_ install: CompletionInstall) throws -> [String: [String]] {
        let notebook = install.notebook
        let dump = try notebook.hearth("--experimental-dump-help", in: notebook.base)
        #expect(dump.status == 0, "\(dump)")
        let root = try #require(try JSONSerialization.jsonObject(with: dump.stdoutData) as? [String: Any])
        var found: [String: [String]] = [:]
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
            }
            for child in command["subcommands"] as? [[String: Any]] ?? [] where child["shouldDisplay"] as? Bool ?? true {
                walk(child, path: name)
            }
        }
        walk(try #require(root["command"] as? [String: Any]), path: [])
        return found
    }

    @Test func groffFindsNothingToWarnAbout() throws {
        let install = try CompletionInstall()
        #expect(install.result.status == 0, "\(install.result)")
        let groff = try install.run("groff", ["-man", "-ww", "-z", install.path(CompletionInstall.manPage)])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "\(groff)")
        let man = try install.run("env", ["MANWIDTH=200", "man", "--warnings", "-l", install.path(CompletionInstall.manPage)])
        #expect(man.status == 0 && man.stderr.isEmpty, "\(man)")
        #expect(man.stdout.contains("hearth - A local-first journal"), "\(man.stdout.prefix(400))")
    }

    @Test func everyCommandHasASectionWithItsOptions() throws {
        let install = try CompletionInstall()
        let page = try String(contentsOfFile: install.path(CompletionInstall.manPage), encoding: .utf8)
        let commands = try commands(install)
        #expect(commands.keys.contains("hearth sync") && commands.keys.contains("hearth remote add"), "\(commands.keys)")
        // The page's sections in order: `.SS "hearth sync"` up to the next heading.
        var sections: [String: String] = [:]
        var current: String?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(".SS \"") {
                current = String(line.dropFirst(5).dropLast())
                sections[current!] = ""
            } else if line.hasPrefix(".SH") {
                current = nil
            } else if let name = current {
                sections[name]! += line + "\n"
            }
        }
        #expect(Set(sections.keys) == Set(commands.keys))
        for (name, options) in commands {
            let section = sections[name] ?? ""
            for option in options {
                #expect(section.contains(option.replacingOccurrences(of: "-", with: "\\-")), "\(name) lacks \(option)")
            }
        }
    }

    @Test func theRenderedPageListsEveryCommand() throws {
        let install = try CompletionInstall()
        let man = try install.run("env", ["MANWIDTH=200", "man", "-l", install.path(CompletionInstall.manPage)])
        #expect(man.status == 0, "\(man)")
        for name in try commands(install).keys {
            #expect(man.stdout.contains("   " + name + "\n"), "no heading \(name)")
        }
    }
}
