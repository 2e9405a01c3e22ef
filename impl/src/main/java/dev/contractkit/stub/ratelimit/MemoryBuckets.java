package dev.contractkit.stub.ratelimit;

import dev.contractkit.stub.Vendor;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets of this process (Bucket4j), one a vendor. */
final class MemoryBuckets implements TokenBuckets {

    private final Map<Vendor, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Taken take(Vendor vendor, long perSecond, long burst) {
        Bucket bucket = buckets.computeIfAbsent(vendor, v -> Bucket.builder()
                .addLimit(l -> l.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Taken(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill());
    }

    @Override
    public long available(Vendor vendor, long perSecond, long burst) {
        Bucket bucket = buckets.get(vendor);
        return bucket == null ? burst : bucket.getAvailableTokens();
    }

    @Override
    public void reset() {
        buckets.clear();
    }
}
