/// The distinct ids of a list, ascending, and each one's position among them. Pol.is numbers
/// participants and statements from 0, so a table as long as the largest id usually does; ids
/// spread too wide for one (or negative) go through a dictionary instead.
struct IdIndex {
    /// The distinct ids, ascending.
    let ids: [Int]
    /// Each id of the list given, as its position in ``ids``, in the list's order.
    let positions: [Int32]

    init(_ list: some Collection<Int>) {
        guard let low = list.min(), let high = list.max() else {
            ids = []
            positions = []
            return
        }
        if low >= 0 && high < 4 * list.count + 1_024 {
            var slot = [Int32](repeating: -1, count: high + 1)
            for id in list { slot[id] = 0 }
            var ids: [Int] = []
            for id in slot.indices where slot[id] == 0 {
                slot[id] = Int32(ids.count)
                ids.append(id)
            }
            self.ids = ids
            positions = list.map { slot[$0] }
        } else {
            ids = Array(Set(list)).sorted()
            let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
            positions = list.map { position[$0]! }
        }
    }
}
