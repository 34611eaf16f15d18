// SyncKit starts with notebook set-up.
