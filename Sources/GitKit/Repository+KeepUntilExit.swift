extension Repository {
    /// Keeps this handle open until the process ends, for a program that exits right after using
    /// it: freeing it frees libgit2's object cache one object at a time (after a walk over ten
    /// years of history, thousands of commits and trees: `free` was several percent of such a
    /// command in `perf`), memory the exit returns at once. The handle is only never released, which is safe;
    /// a process that keeps running (an app, `hearth watch`) must not call this.
    package func keepUntilExit() {
        _ = Unmanaged.passRetained(self)
    }
}
