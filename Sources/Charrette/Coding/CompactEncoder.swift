import Foundation

/// Encodes `Encodable` values into the compact binary form described in `CompactFormat.swift`.
public struct CompactEncoder: Sendable {
    public init() {}

    /// Returns the compact bytes of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = CompactSink()
        try sink.encodeValue(value)
        sink.settle(above: -1)
        return sink.bytes
    }
}

/// The growing output shared by every container of one encoding.
final class CompactSink {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(128) }

    func write(_ tag: CompactTag) { bytes.append(tag.rawValue) }

    func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    func writeInt(_ value: Int64) {
        write(.int)
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    func writeUInt(_ value: UInt64) {
        write(.uint)
        writeVarint(value)
    }

    func writeDouble(_ value: Double) {
        write(.double)
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    func writeRawString(_ value: String) {
        var string = value
        string.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func writeString(_ value: String) {
        write(.string)
        writeRawString(value)
    }

    func writeUInt32(_ value: UInt32, at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: value)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: value >> 16)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: value >> 24)
    }

    /// Starts a container and returns the offset of its header.
    func beginContainer(_ tag: CompactTag) -> Int {
        write(tag)
        let header = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: compactContainerHeaderSize))
        return header
    }

    /// Records one more item in the container whose header is at `header`.
    func countItem(header: Int) {
        settle(above: header)
        let offset = header + 4
        let count = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        writeUInt32(count + 1, at: offset)
    }

    /// Writes the byte length of the container whose header is at `header`, once it is complete.
    func closeContainer(header: Int) {
        settle(above: header)
        writeUInt32(UInt32(bytes.count - header - compactContainerHeaderSize), at: header)
    }

    /// Nested containers still open, innermost last. Codable never says when one is done: it is done
    /// once its parent writes again or closes, since everything after a header lies inside it.
    private var openNested: [Int] = []

    /// Starts a nested container that `settle(above:)` closes.
    func beginNested(_ tag: CompactTag) -> Int {
        let header = beginContainer(tag)
        openNested.append(header)
        return header
    }

    /// Closes every nested container opened inside the container whose header is at `header`.
    func settle(above header: Int) {
        while let last = openNested.last, last > header {
            openNested.removeLast()
            writeUInt32(UInt32(bytes.count - last - compactContainerHeaderSize), at: last)
        }
    }

    /// Encodes one complete value: primitives directly, anything else through its `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        // Exact type checks: a cast would also turn an empty array of anything into [UInt8].
        if T.self == String.self { writeString(value as! String); return }
        if T.self == Int.self { writeInt(Int64(value as! Int)); return }
        if T.self == Int64.self { writeInt(value as! Int64); return }
        if T.self == Bool.self { write(value as! Bool ? .trueValue : .falseValue); return }
        if T.self == Double.self { writeDouble(value as! Double); return }
        if T.self == Data.self || T.self == [UInt8].self {
            let data = T.self == Data.self ? Array(value as! Data) : value as! [UInt8]
            write(.bytes)
            writeVarint(UInt64(data.count))
            bytes.append(contentsOf: data)
            return
        }
        let start = bytes.count
        let encoder = CompactValueEncoder(sink: self)
        try value.encode(to: encoder)
        if let header = encoder.containerHeader {
            closeContainer(header: header)
        } else if bytes.count == start {
            // A type that encoded nothing: store an empty keyed container.
            closeContainer(header: beginContainer(.keyed))
        }
    }
}

/// The `Encoder` handed to one value's `encode(to:)`.
final class CompactValueEncoder: Encoder {
    let sink: CompactSink
    /// The header of the container this value opened, closed by the caller when the value is done.
    var containerHeader: Int?
    /// Whether nobody closes this value's container (a super encoder), so the sink settles it.
    let isNested: Bool
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(sink: CompactSink, isNested: Bool = false) {
        self.sink = sink
        self.isNested = isNested
    }

    private func header(_ tag: CompactTag) -> Int {
        if let containerHeader { return containerHeader }
        let header = isNested ? sink.beginNested(tag) : sink.beginContainer(tag)
        containerHeader = header
        return header
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CompactKeyedEncoder<Key>(sink: sink, header: header(.keyed)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CompactUnkeyedEncoder(sink: sink, header: header(.list))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CompactSingleValueEncoder(sink: sink)
    }
}

struct CompactKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: CompactSink
    let header: Int
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) {
        sink.countItem(header: header)
        sink.writeRawString(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); sink.write(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); sink.write(value ? .trueValue : .falseValue) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); sink.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); sink.writeDouble(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); sink.writeDouble(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); sink.writeInt(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); sink.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); sink.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); sink.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); sink.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); sink.writeUInt(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try sink.encodeValue(value) }

    // Absent optionals are written as nil, so a reader finds every key it asks for where it expects it.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return KeyedEncodingContainer(CompactKeyedEncoder<NestedKey>(sink: sink, header: sink.beginNested(.keyed)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        return CompactUnkeyedEncoder(sink: sink, header: sink.beginNested(.list))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return CompactValueEncoder(sink: sink, isNested: true)
    }
}

struct CompactUnkeyedEncoder: UnkeyedEncodingContainer {
    let sink: CompactSink
    let header: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    private mutating func item() {
        count += 1
        sink.countItem(header: header)
    }

    mutating func encodeNil() throws { item(); sink.write(.null) }
    mutating func encode(_ value: Bool) throws { item(); sink.write(value ? .trueValue : .falseValue) }
    mutating func encode(_ value: String) throws { item(); sink.writeString(value) }
    mutating func encode(_ value: Double) throws { item(); sink.writeDouble(value) }
    mutating func encode(_ value: Int) throws { item(); sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64) throws { item(); sink.writeInt(value) }
    mutating func encode(_ value: UInt64) throws { item(); sink.writeUInt(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        item()
        try sink.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        item()
        return KeyedEncodingContainer(
            CompactKeyedEncoder<NestedKey>(sink: sink, header: sink.beginNested(.keyed)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        item()
        return CompactUnkeyedEncoder(sink: sink, header: sink.beginNested(.list))
    }

    mutating func superEncoder() -> any Encoder {
        item()
        return CompactValueEncoder(sink: sink, isNested: true)
    }
}

struct CompactSingleValueEncoder: SingleValueEncodingContainer {
    let sink: CompactSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.write(.null) }
    mutating func encode(_ value: Bool) throws { sink.write(value ? .trueValue : .falseValue) }
    mutating func encode(_ value: String) throws { sink.writeString(value) }
    mutating func encode(_ value: Double) throws { sink.writeDouble(value) }
    mutating func encode(_ value: Float) throws { sink.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int8) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int16) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int32) throws { sink.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64) throws { sink.writeInt(value) }
    mutating func encode(_ value: UInt) throws { sink.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { sink.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { sink.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { sink.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { sink.writeUInt(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value) }
}
