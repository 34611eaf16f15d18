/// Turns a file's bytes into text, or explains exactly why they are not text hearth can use.
enum TextDecoder {
    /// Decodes UTF-8 from an array; see ``decode(_:path:)-(UnsafeRawBufferPointer,_)``.
    static func decode(_ bytes: [UInt8], path: String) throws(Diagnostic) -> String {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(Diagnostic) -> String in try decode(buffer, path: path) }
        }
        return try result.get()
    }

    /// Decodes UTF-8, refusing binary data (a NUL byte, git's own test) and invalid sequences.
    static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws(Diagnostic) -> String {
        let buffer = bytes.bindMemory(to: UInt8.self)
        if let nul = buffer.firstIndex(of: 0) {
            throw Diagnostic(path: path, line: lineNumber(at: nul, in: buffer),
                             message: "binary file (contains a NUL byte); hearth reads only UTF-8 text",
                             hint: "rename it without .md, or move it out of the notebook")
        }
        if let text = String(validating: buffer, as: UTF8.self) { return text }
        let offset = firstInvalidOffset(buffer)
        throw Diagnostic(path: path, line: lineNumber(at: offset, in: buffer),
                         message: "invalid UTF-8 at byte \(offset)",
                         hint: "re-save the file as UTF-8 in your editor (e.g. `iconv -f latin1 -t utf-8`)")
    }

    private static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = buffer.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    private static func lineNumber(at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for index in 0..<min(offset, buffer.count) where buffer[index] == UInt8(ascii: "\n") { line += 1 }
        return line
    }
}
