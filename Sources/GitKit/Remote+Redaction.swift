extension Remote {
    /// `url` fit to print: a password written into it (`https://user:secret@host/...`) is left
    /// out (`https://user@host/...`); anything else is returned unchanged.
    public static func redacted(_ url: String) -> String {
        CredentialSequence.redacted(url)
    }

    /// ``url`` fit to print (see ``redacted(_:)``).
    public var displayURL: String { Self.redacted(url) }
}
