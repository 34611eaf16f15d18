/// The file modes git records in trees and the index (`git_filemode_t`).
public enum FileMode {
    /// A regular file (`GIT_FILEMODE_BLOB`, 100644).
    public static let blob: UInt32 = 0o100644
    /// An executable file (`GIT_FILEMODE_BLOB_EXECUTABLE`, 100755).
    public static let executable: UInt32 = 0o100755
    /// A symbolic link, whose blob holds the target path (`GIT_FILEMODE_LINK`, 120000).
    public static let symlink: UInt32 = 0o120000
    /// A directory (`GIT_FILEMODE_TREE`, 040000).
    public static let tree: UInt32 = 0o040000
    /// A submodule commit (`GIT_FILEMODE_COMMIT`, 160000).
    public static let gitlink: UInt32 = 0o160000
}
