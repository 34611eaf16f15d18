import ArgumentParser

/// `hearth remote [list | add NAME URL [--encrypt] | passphrase NAME | rekey NAME | forget-key NAME]`.
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "List or add the remotes the notebook syncs with (git's own remote config), and look after encrypted ones.",
        subcommands: [RemoteListCommand.self, RemoteAddCommand.self, RemotePassphraseCommand.self, RemoteRekeyCommand.self,
                      RemoteForgetKeyCommand.self],
        defaultSubcommand: RemoteListCommand.self
    )
}
