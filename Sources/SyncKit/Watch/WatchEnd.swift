/// Why ``NotebookWatcher/run(residentMemory:)`` returned.
public enum WatchEnd: Sendable, Equatable {
    /// ``NotebookWatcher/stop()`` was called.
    case stopped
    /// The process has grown by more than ``WatchOptions/restartAfterGrowth`` bytes: start
    /// watching afresh in a new process image (`exec`), between syncs.
    case restart
    /// The notebook's folder was moved or deleted (see ``WatchEvent/notebookGone(root:)``).
    case notebookGone
}
