#if canImport(Darwin)
import Foundation

extension WatchCommand {
    /// This program, for the restart's `exec`: its path as the main bundle knows it (from dyld's
    /// `_NSGetExecutablePath`; Darwin has no `/proc/self/exe`); nil when it cannot tell.
    static var executablePath: String? { Bundle.main.executablePath }
}
#endif
