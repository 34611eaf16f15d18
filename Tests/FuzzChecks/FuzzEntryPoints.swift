import Foundation

// The C entry points of `hearth-fuzz` (Tests/FuzzDriver) call these.

nonisolated(unsafe) private var selected: FuzzTarget?

/// libFuzzer's initialisation: the target is named by HEARTH_FUZZ_TARGET.
@_cdecl("hearth_fuzz_initialize")
public func hearthFuzzInitialize() -> Int32 {
    let name = ProcessInfo.processInfo.environment["HEARTH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget.named(name) else {
        FileHandle.standardError.write(Data("HEARTH_FUZZ_TARGET must name one of: \(FuzzTarget.all.map(\.name).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    selected = target
    return 0
}

/// One libFuzzer input through the selected target's checks.
@_cdecl("hearth_fuzz_test_one_input")
public func hearthFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target = selected else { return 0 }
    let input = data.map { Data(bytes: $0, count: size) } ?? Data()
    do {
        try target.check(input)
    } catch {
        // A trap is what libFuzzer records as a crash, with the input saved beside it.
        fatalError("\(target.name): \(error)")
    }
    return 0
}

/// `hearth-fuzz <target> <input>...` without libFuzzer: each file through the target's checks;
/// exit 1 when one fails, 2 for a usage error.
@_cdecl("hearth_fuzz_replay")
public func hearthFuzzReplay(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    let arguments = (1..<Int(argc)).compactMap { argv?[$0].map { String(cString: $0) } }
    guard let name = arguments.first, let target = FuzzTarget.named(name), arguments.count > 1 else {
        let names = FuzzTarget.all.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n")
        FileHandle.standardError.write(Data("usage: hearth-fuzz <target> <input>...\ntargets:\n\(names)\n".utf8))
        return 2
    }
    var failed = false
    for path in arguments.dropFirst() {
        guard let input = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
            return 2
        }
        do {
            try target.check(input)
            print("\(path): ok")
        } catch {
            print("\(path): \(error)")
            failed = true
        }
    }
    return failed ? 1 : 0
}
