// JournalKit
