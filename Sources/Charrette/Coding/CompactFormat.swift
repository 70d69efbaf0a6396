// The compact binary form the journal stores events in.
//
// Events are `Codable`; JSON would do, but decoding a million JSON events takes several seconds,
// and opening a workspace folds its whole journal. This format keeps what makes JSON robust
// (every keyed value carries its key, so fields can be added or reordered between event versions)
// and drops the parsing: every value starts with a one-byte tag, and every container carries its
// length in bytes, so a reader skips any value in constant time.
//
// Layout (little endian):
//   nil      0x00
//   false    0x01            true 0x02
//   int      0x03 zigzag LEB128
//   uint     0x04 LEB128
//   double   0x05 8 bytes (IEEE 754 bits)
//   string   0x06 LEB128 byte count, UTF-8 bytes
//   bytes    0x07 LEB128 byte count, bytes
//   list     0x08 UInt32 byte length of the items, UInt32 count, items
//   keyed    0x09 UInt32 byte length of the entries, UInt32 count, entries (string key without tag, value)

enum CompactTag: UInt8 {
    case null = 0x00
    case falseValue = 0x01
    case trueValue = 0x02
    case int = 0x03
    case uint = 0x04
    case double = 0x05
    case string = 0x06
    case bytes = 0x07
    case list = 0x08
    case keyed = 0x09
}

/// A malformed compact value: the journal entry holding it was damaged or written by a newer version.
public struct CompactFormatError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The size of a container's header after its tag: byte length and item count.
let compactContainerHeaderSize = 8
