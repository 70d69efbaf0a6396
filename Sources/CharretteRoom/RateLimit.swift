import Foundation
import Synchronization

/// A token bucket per key (a participant, a device's address): `burst` actions at once, then
/// `perSecond` on average. Keys idle long enough to have a full bucket are forgotten, so the
/// table stays the size of the room.
final class RateLimit<Key: Hashable & Sendable>: Sendable {
    private let burst: Double, perSecond: Double
    private let buckets = Mutex([Key: (tokens: Double, at: ContinuousClock.Instant)]())
    private let clock = ContinuousClock()

    init(burst: Int, perSecond: Double) {
        self.burst = Double(burst)
        self.perSecond = perSecond
    }

    /// Takes a token for `key`; `false` when its bucket is empty (the action is refused).
    func take(_ key: Key) -> Bool {
        let now = clock.now
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? (burst, now)
            bucket = (refilled(bucket, now: now), now)
            guard bucket.tokens >= 1 else {
                buckets[key] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[key] = bucket
            if buckets.count > 10_000 { forgetIdle(&buckets, now: now) }
            return true
        }
    }

    /// Gives back the token `take` took for `key` (the attempt succeeded, and only failures count).
    func giveBack(_ key: Key) {
        buckets.withLock { buckets in
            if let bucket = buckets[key] { buckets[key] = (min(burst, bucket.tokens + 1), bucket.at) }
        }
    }

    /// The tokens `bucket` holds at `now`.
    private func refilled(_ bucket: (tokens: Double, at: ContinuousClock.Instant), now: ContinuousClock.Instant) -> Double {
        let elapsed = now - bucket.at
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return min(burst, bucket.tokens + seconds * perSecond)
    }

    private func forgetIdle(_ buckets: inout [Key: (tokens: Double, at: ContinuousClock.Instant)], now: ContinuousClock.Instant) {
        guard perSecond > 0 else { return }  // without refill, a key is never idle
        let refill = Duration.seconds(burst / perSecond)
        buckets = buckets.filter { now - $0.value.at < refill }
    }
}
