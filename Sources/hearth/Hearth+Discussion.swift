extension Hearth {
    /// What `hearth --help` prints under OVERVIEW and the man page under DESCRIPTION (the
    /// GenerateManual plugin writes `hearth.1` from it): how commands find their notebook, the
    /// exit statuses, the environment and the files.
    ///
    /// Laid out by hand for both readers, as neither can indent a wrapped line: no line over 70
    /// columns, and every line after the first paragraph starts with blanks, which in a man
    /// page start a new line and keep the indent. No blank line: the plugin copies the text
    /// into the page as it is, where man --warnings reports an empty line.
    static let discussion = """
        Entries are plain Markdown files with YAML front-matter in an ordinary git repository.
        Run `hearth -C DIR COMMAND` to work on the notebook in DIR, like git.
        Commands work on the notebook you are in (the nearest folder at or above the current \
        one with hearth.yaml); outside any notebook, on the default one: HEARTH_NOTEBOOK=DIR, \
        else `git config --global hearth.notebook DIR`. -C DIR wins over both.
          EXIT STATUS
            0 on success, 1 on failure, 2 on a usage error.
          ENVIRONMENT
            HEARTH_NOTEBOOK
                The default notebook's folder, used outside any notebook.
            HEARTH_TOKEN
                A token for https remotes, sent once per sync when the server
                asks; never printed, logged or written.
            HEARTH_TODAY
                Pins "today" to a date like 2026-11-22 (for scripts and tests).
            VISUAL, EDITOR
                The editor that new, today and edit open (default: vi).
            NO_COLOR
                When set and not empty, output has no colour. Colour is only
                used on a terminal.
            SSL_CERT_FILE, SSL_CERT_DIR
                Certificates to trust for https remotes.
          FILES
            hearth.yaml
                The notebook's settings; committed, so every device has them.
            .hearth/templates/KIND.md
                The notebook's own template for a kind of entry (day, week,
                note, experiment).
            .gitignore
                Written or extended by hearth init with hearth's temporary files
                and per-device editor files.
            days/YYYY/YYYY-MM-DD.md
                Day entries; weeks/, experiments/ and notes/ hold the others.
        """
}
