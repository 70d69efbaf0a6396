import CharretteThemes
import Testing

@Suite("Average linkage")
struct AverageLinkageTests {
    /// Points on a line at 0, 1, 5, 6 and 20, worked by hand: {0,1} and {5,6} join at 1, then
    /// each other at (5 + 6 + 4 + 5) / 4 = 5, then 20 at (20 + 19 + 15 + 14) / 4 = 17.
    @Test func mergesByAverageDistance() {
        let points = [0.0, 1, 5, 6, 20]
        let tree = AverageLinkage(DistanceMatrix(count: 5) { abs(points[$0] - points[$1]) })
        #expect(
            tree.merges == [
                .init(left: 0, right: 1, distance: 1, size: 2),
                .init(left: 2, right: 3, distance: 1, size: 2),
                .init(left: 5, right: 6, distance: 5, size: 4),
                .init(left: 4, right: 7, distance: 17, size: 5),
            ])
        #expect(tree.clusters(count: 2) == [[0, 1, 2, 3], [4]])
        #expect(tree.clusters(count: 3) == [[0, 1], [2, 3], [4]])
        #expect(tree.clusters(below: 5) == [[0, 1], [2, 3], [4]])
        #expect(tree.clusters(below: 5.5) == [[0, 1, 2, 3], [4]])
    }
}

@Suite("Card sort consensus")
struct CardSortConsensusTests {
    // Ideas 0–2 are about cost, 3–5 about safety.
    static let unanimous = (1...4).map { CardSort(sorter: "s\($0)", groups: [[0, 1, 2], [3, 4, 5]], labels: ["Cost", "Safety"]) }

    @Test func unanimousSortsGiveTheirThemes() throws {
        let consensus = try CardSortConsensus(itemCount: 6, sorts: Self.unanimous)
        #expect(consensus.themes.map(\.items) == [[0, 1, 2], [3, 4, 5]])
        #expect(consensus.themes.map(\.agreement) == [1, 1])
        #expect(consensus.themes.map(\.label) == ["Cost", "Safety"])
        #expect(consensus.themes.map(\.labelSupport) == [4, 4])
        #expect(consensus.disputed.isEmpty)
        #expect(consensus.together[0][4] == 0 && consensus.together[1][2] == 1)
    }

    /// Idea 5 goes with cost for two sorters and with safety for two: it is disputed, alone, with
    /// both themes at half support; the other ideas stay where everyone put them.
    @Test func anIdeaTheGroupSplitsOnIsListed() throws {
        let sorts = [
            CardSort(sorter: "a", groups: [[0, 1, 2, 5], [3, 4]], labels: ["Money", "Safety"]),
            CardSort(sorter: "b", groups: [[0, 1, 2, 5], [3, 4]], labels: ["cost ", "Safety"]),
            CardSort(sorter: "c", groups: [[0, 1, 2], [3, 4, 5]], labels: ["Cost", "Night safety"]),
            CardSort(sorter: "d", groups: [[0, 1, 2], [3, 4, 5]], labels: [nil, "Safety"]),
        ]
        let consensus = try CardSortConsensus(itemCount: 6, sorts: sorts)
        #expect(consensus.themes.map(\.items) == [[0, 1, 2], [3, 4], [5]])
        #expect(consensus.together[5][0] == 0.5 && consensus.together[5][3] == 0.5)
        #expect(consensus.disputed.map(\.item) == [5])
        #expect(consensus.disputed.first?.alternativeSupport == 0.5)
        #expect(consensus.themes[0].label == "cost" && consensus.themes[0].labelSupport == 2)
        #expect(consensus.themes[1].label == "Safety" && consensus.themes[1].labelSupport == 3)
    }

    /// A sorter who left an idea out says nothing about it: co-occurrence counts only those who sorted both.
    @Test func ideasLeftOutAreNotCountedAgainst() throws {
        var sorts = Self.unanimous
        sorts.append(CardSort(sorter: "late", groups: [[0, 1], [3, 4, 5]]))
        let consensus = try CardSortConsensus(itemCount: 6, sorts: sorts)
        #expect(consensus.together[0][2] == 1)
        #expect(consensus.together[0][1] == 1)
        #expect(consensus.themes.map(\.items) == [[0, 1, 2], [3, 4, 5]])
    }

    /// A weakly held theme: ideas 0–3 together for only half the sorters each pair on average.
    @Test func agreementIsTheAverageCoOccurrence() throws {
        let sorts = [
            CardSort(sorter: "a", groups: [[0, 1, 2, 3]]),
            CardSort(sorter: "b", groups: [[0, 1], [2, 3]]),
            CardSort(sorter: "c", groups: [[0, 1, 2, 3]]),
        ]
        let consensus = try CardSortConsensus(itemCount: 4, sorts: sorts)
        // Pairs 0-1 and 2-3 are always together; the four cross pairs two times in three.
        #expect(consensus.themes.map(\.items) == [[0, 1, 2, 3]])
        #expect(abs(consensus.themes[0].agreement - (2 * 1 + 4 * 2.0 / 3) / 6) < 1e-12)
        #expect(consensus.disputed.isEmpty)
    }

    /// Fewer names than groups: the unnamed groups simply have no name.
    @Test func groupsMayGoUnnamed() throws {
        let sorts = [CardSort(sorter: "a", groups: [[0, 1], [2, 3]], labels: ["Cost"]), CardSort(sorter: "b", groups: [[0, 1], [2, 3]])]
        let consensus = try CardSortConsensus(itemCount: 4, sorts: sorts)
        #expect(consensus.themes.map(\.label) == ["Cost", nil])
    }

    @Test func badSortsAreRefusedByName() {
        #expect(throws: CardSortError(sorter: "amira", message: "idea 3 is in two groups")) {
            try CardSortConsensus(itemCount: 4, sorts: [CardSort(sorter: "amira", groups: [[0, 2], [2, 3]])])
        }
        #expect(throws: CardSortError(sorter: "jon", message: "idea 9 is not among the 4 ideas")) {
            try CardSortConsensus(itemCount: 4, sorts: [CardSort(sorter: "jon", groups: [[8]])])
        }
    }
}
