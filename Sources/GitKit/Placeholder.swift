// Filled by the GitKit work in progress.
