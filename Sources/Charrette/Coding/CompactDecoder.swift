import Foundation

/// Decodes `Decodable` values from the compact binary form described in `CompactFormat.swift`.
///
/// Keyed values are found by key, so an event written before a field was added decodes with that
/// field missing (`nil` for optionals) instead of failing.
public struct CompactDecoder: Sendable {
    public init() {}

    /// Decodes a `T` from `bytes`.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes) throws -> T {
        try bytes.withUnsafeBytes { buffer in
            let reader = CompactReader(buffer: buffer)
            let end = try reader.end(ofValueAt: 0)
            guard end == buffer.count else { throw CompactFormatError("\(buffer.count - end) stray bytes after the value") }
            return try reader.decodeValue(T.self, at: 0)
        }
    }
}

/// Reads values out of one buffer; valid only while the buffer is.
struct CompactReader {
    let buffer: UnsafeRawBufferPointer

    func tag(at offset: Int) throws -> CompactTag {
        guard offset < buffer.count else { throw CompactFormatError("value cut short at byte \(offset)") }
        guard let tag = CompactTag(rawValue: buffer[offset]) else {
            throw CompactFormatError("unknown tag \(buffer[offset]) at byte \(offset)")
        }
        return tag
    }

    func varint(at offset: Int) throws -> (value: UInt64, next: Int) {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var position = offset
        while true {
            guard position < buffer.count, shift < 64 else { throw CompactFormatError("bad number at byte \(offset)") }
            let byte = buffer[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return (value, position) }
            shift += 7
        }
    }

    /// The end of `count` bytes starting at `start`, if they fit in the buffer.
    func span(from start: Int, count: UInt64) throws -> Int {
        guard start <= buffer.count, count <= UInt64(buffer.count - start) else {
            throw CompactFormatError("\(count) bytes at byte \(start) run past the end")
        }
        return start + Int(count)
    }

    func uint32(at offset: Int) throws -> Int {
        guard offset + 4 <= buffer.count else { throw CompactFormatError("container cut short at byte \(offset)") }
        return Int(buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
    }

    /// The offset just past the value that starts at `offset`.
    func end(ofValueAt offset: Int) throws -> Int {
        let end: Int
        switch try tag(at: offset) {
        case .null, .falseValue, .trueValue: end = offset + 1
        case .int, .uint: end = try varint(at: offset + 1).next
        case .double: end = offset + 9
        case .string, .bytes:
            let (count, start) = try varint(at: offset + 1)
            end = try span(from: start, count: count)
        case .list, .keyed: end = offset + 1 + compactContainerHeaderSize + (try uint32(at: offset + 1))
        }
        guard end <= buffer.count, end > offset else { throw CompactFormatError("value at byte \(offset) runs past the end") }
        return end
    }

    func string(at offset: Int) throws -> String {
        guard try tag(at: offset) == .string else { throw mismatch("a string", at: offset) }
        return try rawString(at: offset + 1).value
    }

    func rawString(at offset: Int) throws -> (value: String, next: Int) {
        let (count, start) = try varint(at: offset)
        let end = try span(from: start, count: count)
        return (String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self), end)
    }

    func int(at offset: Int) throws -> Int64 {
        switch try tag(at: offset) {
        case .int:
            let raw = try varint(at: offset + 1).value
            return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        case .uint:
            let raw = try varint(at: offset + 1).value
            guard raw <= UInt64(Int64.max) else { throw CompactFormatError("number at byte \(offset) is too large") }
            return Int64(raw)
        default: throw mismatch("an integer", at: offset)
        }
    }

    func uint(at offset: Int) throws -> UInt64 {
        switch try tag(at: offset) {
        case .uint: return try varint(at: offset + 1).value
        case .int:
            let value = try int(at: offset)
            guard value >= 0 else { throw CompactFormatError("negative number at byte \(offset)") }
            return UInt64(value)
        default: throw mismatch("an integer", at: offset)
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) throws -> T {
        if T.isSigned {
            guard let value = T(exactly: try int(at: offset)) else { throw CompactFormatError("number at byte \(offset) does not fit \(T.self)") }
            return value
        }
        guard let value = T(exactly: try uint(at: offset)) else { throw CompactFormatError("number at byte \(offset) does not fit \(T.self)") }
        return value
    }

    func double(at offset: Int) throws -> Double {
        switch try tag(at: offset) {
        case .double:
            guard offset + 9 <= buffer.count else { throw CompactFormatError("number at byte \(offset) cut short") }
            return Double(bitPattern: buffer.loadUnaligned(fromByteOffset: offset + 1, as: UInt64.self).littleEndian)
        case .int, .uint: return Double(try int(at: offset))
        default: throw mismatch("a number", at: offset)
        }
    }

    func bool(at offset: Int) throws -> Bool {
        switch try tag(at: offset) {
        case .trueValue: return true
        case .falseValue: return false
        default: throw mismatch("true or false", at: offset)
        }
    }

    func bytes(at offset: Int) throws -> [UInt8] {
        guard try tag(at: offset) == .bytes else { throw mismatch("bytes", at: offset) }
        let (count, start) = try varint(at: offset + 1)
        let end = try span(from: start, count: count)
        return Array(buffer[start..<end])
    }

    func isNull(at offset: Int) throws -> Bool { try tag(at: offset) == .null }

    /// The item range and count of the container at `offset`.
    func container(_ expected: CompactTag, at offset: Int) throws -> (start: Int, end: Int, count: Int) {
        guard try tag(at: offset) == expected else {
            throw mismatch(expected == .keyed ? "a record" : "a list", at: offset)
        }
        let start = offset + 1 + compactContainerHeaderSize
        return (start, try end(ofValueAt: offset), try uint32(at: offset + 5))
    }

    func decodeValue<T: Decodable>(_ type: T.Type, at offset: Int) throws -> T {
        switch type {
        case is String.Type: return try string(at: offset) as! T
        case is Int.Type: return try integer(Int.self, at: offset) as! T
        case is Int64.Type: return try int(at: offset) as! T
        case is Bool.Type: return try bool(at: offset) as! T
        case is Double.Type: return try double(at: offset) as! T
        case is Data.Type: return Data(try bytes(at: offset)) as! T
        case is [UInt8].Type: return try bytes(at: offset) as! T
        default: return try T(from: CompactValueDecoder(reader: self, offset: offset))
        }
    }

    func mismatch(_ expected: String, at offset: Int) -> CompactFormatError {
        let found = (try? tag(at: offset)).map { "\($0)" } ?? "nothing"
        return CompactFormatError("expected \(expected) at byte \(offset), found \(found)")
    }
}

/// The `Decoder` handed to one value's `init(from:)`.
struct CompactValueDecoder: Decoder {
    let reader: CompactReader
    let offset: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try CompactKeyedDecoder<Key>(reader: reader, offset: offset))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try CompactUnkeyedDecoder(reader: reader, offset: offset)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        CompactSingleValueDecoder(reader: reader, offset: offset)
    }
}

struct CompactKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: CompactReader
    let start: Int
    let end: Int
    var codingPath: [any CodingKey] { [] }

    init(reader: CompactReader, offset: Int) throws {
        self.reader = reader
        (start, end, _) = try reader.container(.keyed, at: offset)
    }

    /// Walks the entries: each is a key (byte count, UTF-8) and a value.
    private func forEachEntry(_ body: (UnsafeRawBufferPointer, Int) throws -> Bool) throws {
        var position = start
        while position < end {
            let (count, keyStart) = try reader.varint(at: position)
            let keyEnd = try reader.span(from: keyStart, count: count)
            guard keyEnd <= end else { throw CompactFormatError("key at byte \(position) runs past its record") }
            if try body(UnsafeRawBufferPointer(rebasing: reader.buffer[keyStart..<keyEnd]), keyEnd) { return }
            position = try reader.end(ofValueAt: keyEnd)
        }
    }

    /// The offset of the value stored under `key`, if any.
    private func offset(of key: Key) throws -> Int? {
        var found: Int?
        var name = key.stringValue
        try name.withUTF8 { wanted in
            try forEachEntry { stored, valueOffset in
                guard stored.count == wanted.count,
                      stored.elementsEqual(UnsafeRawBufferPointer(wanted)) else { return false }
                found = valueOffset
                return true
            }
        }
        return found
    }

    private func required(_ key: Key) throws -> Int {
        guard let offset = try offset(of: key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for '\(key.stringValue)'"))
        }
        return offset
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        try? forEachEntry { stored, _ in
            if let key = Key(stringValue: String(decoding: stored, as: UTF8.self)) { keys.append(key) }
            return false
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { (try? offset(of: key)) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let offset = try offset(of: key) else { return true }
        return try reader.isNull(at: offset)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool(at: required(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.string(at: required(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double(at: required(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try reader.double(at: required(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.integer(Int.self, at: required(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader.integer(Int8.self, at: required(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader.integer(Int16.self, at: required(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader.integer(Int32.self, at: required(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader.int(at: required(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader.integer(UInt.self, at: required(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader.integer(UInt8.self, at: required(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader.integer(UInt16.self, at: required(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader.integer(UInt32.self, at: required(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader.uint(at: required(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader.decodeValue(T.self, at: required(key)) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let offset = try offset(of: key), try !reader.isNull(at: offset) else { return nil }
        return try reader.decodeValue(T.self, at: offset)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try CompactKeyedDecoder<NestedKey>(reader: reader, offset: required(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try CompactUnkeyedDecoder(reader: reader, offset: required(key))
    }

    func superDecoder() throws -> any Decoder { try superDecoder(forKey: Key(stringValue: "super")!) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        CompactValueDecoder(reader: reader, offset: try required(key))
    }
}

struct CompactUnkeyedDecoder: UnkeyedDecodingContainer {
    let reader: CompactReader
    let end: Int
    let count: Int?
    private(set) var currentIndex = 0
    private var position: Int
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    init(reader: CompactReader, offset: Int) throws {
        self.reader = reader
        let (start, end, count) = try reader.container(.list, at: offset)
        self.end = end
        self.count = count
        self.position = start
    }

    /// Hands the next item's offset to `read` and moves past the item.
    private mutating func next<T>(_ read: (CompactReader, Int) throws -> T) throws -> T {
        guard !isAtEnd, position < end else { throw CompactFormatError("list at byte \(position) has no more items") }
        let reader = self.reader
        let value = try read(reader, position)
        position = try reader.end(ofValueAt: position)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try reader.isNull(at: position) else { return false }
        position += 1
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.bool(at: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.string(at: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.double(at: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try next { try $0.double(at: $1) }) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.integer(Int.self, at: $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.integer(Int8.self, at: $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.integer(Int16.self, at: $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.integer(Int32.self, at: $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.int(at: $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.integer(UInt.self, at: $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.integer(UInt8.self, at: $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.integer(UInt16.self, at: $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.integer(UInt32.self, at: $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.uint(at: $1) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try $0.decodeValue(T.self, at: $1) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next { KeyedDecodingContainer(try CompactKeyedDecoder<NestedKey>(reader: $0, offset: $1)) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next { try CompactUnkeyedDecoder(reader: $0, offset: $1) }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next { CompactValueDecoder(reader: $0, offset: $1) }
    }
}

struct CompactSingleValueDecoder: SingleValueDecodingContainer {
    let reader: CompactReader
    let offset: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? reader.isNull(at: offset)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at: offset) }
    func decode(_ type: String.Type) throws -> String { try reader.string(at: offset) }
    func decode(_ type: Double.Type) throws -> Double { try reader.double(at: offset) }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at: offset)) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self, at: offset) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self, at: offset) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self, at: offset) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self, at: offset) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.int(at: offset) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self, at: offset) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self, at: offset) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self, at: offset) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self, at: offset) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.uint(at: offset) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decodeValue(T.self, at: offset) }
}
