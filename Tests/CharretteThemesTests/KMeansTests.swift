import CharretteThemes
import Testing

@Suite("Spherical k-means")
struct KMeansTests {
    /// Three directions with small variations around each: (1,0,0,…), (0,1,0,…), (0,0,1,…).
    static func blobs(perCluster: Int = 10) -> (vectors: [SparseVector], truth: [Int]) {
        var vectors: [SparseVector] = [], truth: [Int] = []
        for cluster in 0..<3 {
            for i in 0..<perCluster {
                // A dominant dimension for the cluster, and a little weight on a dimension of its own.
                vectors.append(SparseVector([(cluster, 1), (3 + cluster * perCluster + i, 0.3)]))
                truth.append(cluster)
            }
        }
        return (vectors, truth)
    }

    /// The partition as sets of members, so cluster numbers do not matter.
    static func partition(_ labels: [Int]) -> Set<Set<Int>> {
        Set(Dictionary(grouping: labels.indices, by: { labels[$0] }).values.map(Set.init))
    }

    @Test func findsWellSeparatedClusters() {
        let (vectors, truth) = Self.blobs()
        let result = SphericalKMeans(vectors, dimensions: 33, k: 3)
        #expect(Self.partition(result.labels) == Self.partition(truth))
        for centroid in result.centroids {
            #expect(abs(centroid.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
        }
    }

    @Test func theSameSeedGivesTheSameClusters() {
        let (vectors, _) = Self.blobs()
        let a = SphericalKMeans(vectors, dimensions: 33, k: 4, seed: 7)
        let b = SphericalKMeans(vectors, dimensions: 33, k: 4, seed: 7)
        #expect(a.labels == b.labels && a.cohesion == b.cohesion)
    }

    @Test func moreRestartsNeverDoWorse() {
        let (vectors, _) = Self.blobs(perCluster: 6)
        for seed in 0..<10 as Range<UInt64> {
            let one = SphericalKMeans(vectors, dimensions: 21, k: 3, seed: seed, restarts: 1)
            let five = SphericalKMeans(vectors, dimensions: 21, k: 3, seed: seed, restarts: 5)
            #expect(five.cohesion >= one.cohesion - 1e-9)
        }
    }

    @Test func silhouetteRewardsTheTrueClusters() {
        let (vectors, truth) = Self.blobs()
        let good = Silhouette.score(vectors, labels: truth)
        let mixed = Silhouette.score(vectors, labels: truth.indices.map { $0 % 3 })
        #expect(good > 0.5)
        #expect(mixed < 0.1)
        #expect(Silhouette.score(vectors, labels: Array(repeating: 0, count: vectors.count)) == 0)
    }

    @Test func sparseVectorsAddRepeatsAndDropZeros() {
        let v = SparseVector([(5, 1), (2, 2), (5, 1), (7, 0)])
        #expect(v.indices == [2, 5] && v.values == [2, 2])
        #expect(abs(v.normalized().norm - 1) < 1e-6)
        #expect(v.dot(SparseVector([(5, 3), (9, 1)])) == 6)
    }
}
