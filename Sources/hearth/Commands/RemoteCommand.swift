import ArgumentParser

/// `hearth remote [add NAME URL | list]`.
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "List or add the remotes the notebook syncs with (git's own remote config).",
        subcommands: [RemoteListCommand.self, RemoteAddCommand.self],
        defaultSubcommand: RemoteListCommand.self
    )
}
