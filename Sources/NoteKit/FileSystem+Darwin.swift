#if canImport(Darwin)
extension FileSystem {
    /// No `renameat2` here (`renamex_np` with `RENAME_SWAP` would be the swap; not used yet).
    static let renameAt2: RenameAt2? = nil
}
#endif
