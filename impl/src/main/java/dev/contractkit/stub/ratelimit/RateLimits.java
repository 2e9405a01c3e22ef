package dev.contractkit.stub.ratelimit;

import dev.contractkit.stub.Vendor;
import java.util.Map;

/**
 * The vendors' documented rate limits, as token buckets (Bucket4j), off unless configured:
 * {@code layer=100,vayu=500} (requests a second) with the documented burst of 100, or {@code layer=10:5}.
 */
public final class RateLimits {

    /** Vayu's documented 429 message. */
    public static final String TOO_MANY_REQUESTS = "Too many requests";
    private static final int DOCUMENTED_BURST = 100;

    private final Map<Vendor, Limit> limits = new java.util.TreeMap<>(java.util.Comparator.comparing(Vendor::prefix));
    private final TokenBuckets buckets;

    private record Limit(long perSecond, long burst) {
    }

    private RateLimits(TokenBuckets buckets) {
        this.buckets = buckets;
    }

    /** Parses "layer=100,vayu=500:50" (empty for none), with buckets in this process's memory. */
    public static RateLimits parse(String spec) {
        return parse(spec, new MemoryBuckets());
    }

    /** Parses "layer=100,vayu=500:50" (empty for none), with buckets where given. */
    public static RateLimits parse(String spec, TokenBuckets buckets) {
        RateLimits limits = new RateLimits(buckets);
        if (spec == null || spec.isBlank()) {
            return limits;
        }
        for (String entry : spec.split(",")) {
            String[] vendorAndRate = entry.trim().split("=", 2);
            Vendor vendor = Vendor.byPrefix(vendorAndRate[0].trim());
            if (vendorAndRate.length != 2) {
                throw new IllegalArgumentException("rate limit must read vendor=perSecond[:burst], was '" + entry + "'");
            }
            if (vendor == null) {
                throw new IllegalArgumentException("rate limit names no vendor the stub serves: '" + entry + "' (it serves "
                        + Vendor.packaged() + ")");
            }
            String[] rateAndBurst = vendorAndRate[1].trim().split(":", 2);
            try {
                long perSecond = Long.parseLong(rateAndBurst[0]);
                long burst = rateAndBurst.length == 2 ? Long.parseLong(rateAndBurst[1]) : DOCUMENTED_BURST;
                if (perSecond < 1 || burst < 1) {
                    throw new NumberFormatException();
                }
                limits.limits.put(vendor, new Limit(perSecond, burst));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rate and burst must be positive whole numbers, was '" + entry + "'");
            }
        }
        return limits;
    }

    public boolean limits(Vendor vendor) {
        return limits.containsKey(vendor);
    }

    /** Takes a token; adds the vendor's rate-limit headers; false (and Retry-After set) when over the limit. */
    boolean take(Vendor vendor, java.util.function.BiConsumer<String, String> header) {
        Limit limit = limits.get(vendor);
        TokenBuckets.Taken probe = buckets.take(vendor, limit.perSecond, limit.burst);
        long nowSeconds = System.currentTimeMillis() / 1000;
        long secondsToFull = ceilDiv(limit.burst - probe.remaining(), limit.perSecond);
        if (vendor.sendsRateLimitHeaders()) {
            header.accept("X-RateLimit-Limit", Long.toString(limit.perSecond));
            header.accept("X-RateLimit-Remaining", Long.toString(probe.remaining()));
            header.accept("X-RateLimit-Reset", Long.toString(nowSeconds + secondsToFull));
        }
        if (!probe.consumed()) {
            header.accept("Retry-After",
                    Long.toString(Math.max(1, ceilDiv(probe.nanosToWait(), 1_000_000_000L))));
        }
        return probe.consumed();
    }

    /** The headers of a 429 that a fault answers: Retry-After, and the vendor's rate-limit headers. */
    public void tooManyRequestsHeaders(Vendor vendor, java.util.function.BiConsumer<String, String> header,
            Integer retryAfterSeconds) {
        long retryAfter = retryAfterSeconds == null ? 1 : retryAfterSeconds;
        header.accept("Retry-After", Long.toString(retryAfter));
        if (vendor.sendsRateLimitHeaders()) {
            Limit limit = limits.get(vendor);
            header.accept("X-RateLimit-Limit", Long.toString(limit == null ? vendor.documentedRatePerSecond() : limit.perSecond));
            header.accept("X-RateLimit-Remaining", "0");
            header.accept("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + retryAfter));
        }
    }

    /** A vendor's bucket as it stands: its refill a second, its capacity and the tokens left in it now. */
    public record BucketState(Vendor vendor, long perSecond, long burst, long remaining) {
    }

    /** The limited vendors' buckets, in vendor order; reading them takes no token. */
    public java.util.List<BucketState> buckets() {
        return limits.entrySet().stream().map(e -> new BucketState(e.getKey(), e.getValue().perSecond,
                e.getValue().burst, buckets.available(e.getKey(), e.getValue().perSecond, e.getValue().burst))).toList();
    }

    /** Full buckets again. */
    public void reset() {
        buckets.reset();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
