import Foundation

// The binary form the journal stores events in.
//
// Events are `Codable` for JSON, but opening a workspace folds its whole journal, and decoding a
// million events through `Codable` (JSON or any other format) takes several seconds: the generic
// containers cost more than the bytes. So each stored type writes and reads itself here, field by
// field, in a fixed order:
//
//   integers   zigzag LEB128 (small numbers take one byte)
//   Bool       one byte, 0 or 1
//   Double     8 bytes, IEEE 754 bits, little endian; a Date is its timeIntervalSinceReferenceDate
//   String     LEB128 byte count, then UTF-8
//   Optional   one byte (0 absent, 1 present), then the value
//   Array      LEB128 count, then the elements
//   Dictionary LEB128 count, then key and value pairs in ascending key order (so the same value
//              always gives the same bytes); a Set likewise, sorted
//   enums      one byte naming the case (numbers are never reused), then its fields
//
// The layout has versions (`Event.currentVersion`), and an entry records the version it was
// written with. A change to a type's fields needs a new version: the writer writes the newest
// layout, and the type's reader asks `reader.version` which layout it is reading, so journals
// written by every earlier version stay readable (the bytes of each version are kept frozen in
// `Tests/CharretteTests/BinaryCodingTests.swift`). What changed in each version:
//
//   1  the first layout
//   2  VoteSettings: after `seed`, `maxCost` (an optional integer), then `completion` and
//      `addOneStop` (optional strings, their raw values)

/// A type with a fixed binary layout in the journal.
public protocol BinaryCodable {
    /// Appends the value's bytes.
    func write(to writer: inout BinaryWriter)
    /// Reads a value written by ``write(to:)``.
    init(from reader: inout BinaryReader) throws
}

/// A malformed binary value: the journal entry holding it was damaged.
public struct BinaryFormatError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Collects the bytes of one value.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(96) }

    public mutating func writeByte(_ byte: UInt8) { bytes.append(byte) }

    public mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func writeInt(_ value: Int) {
        let v = Int64(value)
        writeVarint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    public mutating func writeBytes(_ raw: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: raw) }

    public mutating func write(_ value: some BinaryCodable) { value.write(to: &self) }

    public mutating func write<T: BinaryCodable>(_ value: T?) {
        if let value {
            writeByte(1)
            value.write(to: &self)
        } else {
            writeByte(0)
        }
    }
}

/// Reads the bytes of one value, checking every length against what is left.
public struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    public private(set) var position = 0
    /// The layout version the bytes were written in (see the table above).
    public let version: Int
    /// How deep values nest, so damaged bytes cannot recurse without end.
    var depth = 0

    public init(_ bytes: UnsafeRawBufferPointer, version: Int = Event.currentVersion) {
        self.bytes = bytes
        self.version = version
    }

    public var isAtEnd: Bool { position == bytes.count }
    var remaining: Int { bytes.count - position }

    public mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw BinaryFormatError("value cut short at byte \(position)") }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func readVarint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw BinaryFormatError("number too long at byte \(position)") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    public mutating func readInt() throws -> Int {
        let raw = try readVarint()
        return Int(truncatingIfNeeded: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    /// A count of items that each take at least one byte, so it cannot exceed what is left.
    public mutating func readCount() throws -> Int {
        let count = try readVarint()
        guard count <= UInt64(remaining) else { throw BinaryFormatError("count \(count) at byte \(position) is past the end") }
        return Int(count)
    }

    public mutating func readBytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count <= remaining else { throw BinaryFormatError("\(count) bytes at byte \(position) run past the end") }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    public mutating func read<T: BinaryCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    public mutating func read<T: BinaryCodable>(_ type: T?.Type = T?.self) throws -> T? {
        switch try readByte() {
        case 0: return nil
        case 1: return try T(from: &self)
        case let other: throw BinaryFormatError("bad presence byte \(other) at byte \(position - 1)")
        }
    }

    /// Reads a nested value whose type may contain itself, within a fixed depth.
    mutating func nested<T>(_ body: (inout BinaryReader) throws -> T) throws -> T {
        guard depth < 4 else { throw BinaryFormatError("values nest too deep at byte \(position)") }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// A case number that is not one of `type`'s.
    func unknownCase(_ tag: UInt8, of type: String) -> BinaryFormatError {
        BinaryFormatError("unknown \(type) case \(tag) at byte \(position - 1)")
    }
}

public enum BinaryCoding {
    /// The bytes of `value`.
    public static func encode(_ value: some BinaryCodable) -> [UInt8] {
        var writer = BinaryWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    /// Reads a `T` that fills `bytes` exactly, written in layout `version`.
    public static func decode<T: BinaryCodable>(_ type: T.Type, from bytes: [UInt8], version: Int = Event.currentVersion) throws -> T {
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer, version: version)
            let value = try T(from: &reader)
            guard reader.isAtEnd else { throw BinaryFormatError("\(reader.remaining) stray bytes after the value") }
            return value
        }
    }
}

// MARK: Standard types

extension Int: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.writeInt(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.readInt() }
}

extension Int64: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.writeVarint(UInt64(bitPattern: (self << 1) ^ (self >> 63))) }
    public init(from reader: inout BinaryReader) throws {
        let raw = try reader.readVarint()
        self = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }
}

extension UInt64: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.writeVarint(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.readVarint() }
}

extension Bool: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.writeByte(self ? 1 : 0) }
    public init(from reader: inout BinaryReader) throws {
        switch try reader.readByte() {
        case 0: self = false
        case 1: self = true
        case let other: throw BinaryFormatError("bad Bool \(other) at byte \(reader.position - 1)")
        }
    }
}

extension Double: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        var bits = bitPattern
        for _ in 0..<8 {
            writer.writeByte(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }
    public init(from reader: inout BinaryReader) throws {
        let raw = try reader.readBytes(8)
        self = Double(bitPattern: raw.loadUnaligned(as: UInt64.self).littleEndian)
    }
}

extension Date: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { timeIntervalSinceReferenceDate.write(to: &writer) }
    public init(from reader: inout BinaryReader) throws { self.init(timeIntervalSinceReferenceDate: try Double(from: &reader)) }
}

extension String: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        var string = self
        string.withUTF8 { utf8 in
            writer.writeVarint(UInt64(utf8.count))
            writer.writeBytes(utf8)
        }
    }
    public init(from reader: inout BinaryReader) throws {
        let count = try reader.readCount()
        self = String(decoding: try reader.readBytes(count), as: UTF8.self)
    }
}

extension Array: BinaryCodable where Element: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(count))
        for element in self { element.write(to: &writer) }
    }
    public init(from reader: inout BinaryReader) throws {
        let count = try reader.readCount()
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

extension Set: BinaryCodable where Element: BinaryCodable & Comparable {
    public func write(to writer: inout BinaryWriter) { sorted().write(to: &writer) }
    public init(from reader: inout BinaryReader) throws { self.init(try [Element](from: &reader)) }
}

extension Dictionary: BinaryCodable where Key: BinaryCodable & Comparable, Value: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(count))
        for key in keys.sorted() {
            key.write(to: &writer)
            self[key]!.write(to: &writer)
        }
    }
    public init(from reader: inout BinaryReader) throws {
        let count = try reader.readCount()
        self.init(minimumCapacity: count)
        for _ in 0..<count {
            let key = try Key(from: &reader)
            guard updateValue(try Value(from: &reader), forKey: key) == nil else {
                throw BinaryFormatError("a key appears twice at byte \(reader.position)")
            }
        }
    }
}

extension ClosedRange: BinaryCodable where Bound: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        lowerBound.write(to: &writer)
        upperBound.write(to: &writer)
    }
    public init(from reader: inout BinaryReader) throws {
        let lower = try Bound(from: &reader), upper = try Bound(from: &reader)
        guard lower <= upper else { throw BinaryFormatError("an empty range at byte \(reader.position)") }
        self = lower...upper
    }
}

/// Simple enums are stored by their position in `allCases`, which may only grow at the end.
extension BinaryCodable where Self: CaseIterable & Equatable, AllCases == [Self] {
    public func write(to writer: inout BinaryWriter) { writer.writeByte(UInt8(Self.allCases.firstIndex(of: self)!)) }
    public init(from reader: inout BinaryReader) throws {
        let index = Int(try reader.readByte())
        guard index < Self.allCases.count else { throw reader.unknownCase(UInt8(index), of: "\(Self.self)") }
        self = Self.allCases[index]
    }
}
