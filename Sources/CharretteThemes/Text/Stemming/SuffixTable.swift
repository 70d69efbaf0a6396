/// Suffixes a stemmer looks for, each with the action to take when it is the longest one found
/// (a Snowball `among`). Written as a dictionary literal whose keys list suffixes separated by
/// spaces: `["ance ence able": .deleteInR2, "ement": .ement]`.
struct SuffixTable<Action: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private let trie: SuffixTrie
    private let actions: [Action]

    /// A table from groups of space-separated suffixes and the action of each group.
    init(dictionaryLiteral groups: (String, Action)...) {
        trie = SuffixTrie(groups.map(\.0))
        actions = groups.map(\.1)
    }

    /// The longest listed suffix of `letters[lowerBound..<end]`: where it starts and its action.
    @inline(__always)
    func longestMatch(in letters: [Unicode.Scalar], end: Int, lowerBound: Int) -> (start: Int, action: Action)? {
        guard let match = trie.longestMatch(in: letters, end: end, lowerBound: lowerBound) else { return nil }
        return (match.start, actions[match.group])
    }
}

/// The suffixes of a ``SuffixTable`` as a trie of reversed letters, so that finding the longest
/// suffix reads the word backwards once, whatever the number of suffixes. Kept apart from the
/// generic table so that the search compiles to plain code.
struct SuffixTrie: Sendable {
    /// The letters labelling the edges, node by node: the edges of node `n` are
    /// `edgeStart[n]..<edgeStart[n + 1]`.
    private let edgeLetters: [Unicode.Scalar]
    private let edgeTargets: [Int32]
    private let edgeStart: [Int32]
    /// For each node, the group of the suffix that ends there, or -1.
    private let nodeGroups: [Int32]

    /// A trie of `groups`, each a list of suffixes separated by spaces.
    init(_ groups: [String]) {
        // Build with per-node child lists, then flatten.
        var children: [[(letter: Unicode.Scalar, node: Int)]] = [[]]
        var nodeGroup: [Int32] = [-1]
        for (group, suffixes) in groups.enumerated() {
            for suffix in suffixes.split(whereSeparator: \.isWhitespace) {
                var node = 0
                for letter in suffix.unicodeScalars.reversed() {
                    if let next = children[node].first(where: { $0.letter == letter })?.node {
                        node = next
                    } else {
                        children.append([])
                        nodeGroup.append(-1)
                        children[node].append((letter, children.count - 1))
                        node = children.count - 1
                    }
                }
                precondition(nodeGroup[node] == -1, "suffix \(suffix) is listed twice")
                nodeGroup[node] = Int32(group)
            }
        }
        var letters: [Unicode.Scalar] = [], targets: [Int32] = [], starts: [Int32] = []
        for edges in children {
            starts.append(Int32(letters.count))
            for edge in edges {
                letters.append(edge.letter)
                targets.append(Int32(edge.node))
            }
        }
        starts.append(Int32(letters.count))
        edgeLetters = letters
        edgeTargets = targets
        edgeStart = starts
        nodeGroups = nodeGroup
    }

    /// The longest suffix of `letters[lowerBound..<end]` in the trie: where it starts and its group.
    func longestMatch(in letters: [Unicode.Scalar], end: Int, lowerBound: Int) -> (start: Int, group: Int)? {
        var node = 0
        var position = end
        var best: (start: Int, group: Int)?
        while position > lowerBound {
            let letter = letters[position - 1]
            var edge = Int(edgeStart[node])
            let edgesEnd = Int(edgeStart[node + 1])
            while edge < edgesEnd && edgeLetters[edge] != letter { edge += 1 }
            if edge == edgesEnd { break }
            node = Int(edgeTargets[edge])
            position -= 1
            let group = nodeGroups[node]
            if group >= 0 { best = (position, Int(group)) }
        }
        return best
    }
}
