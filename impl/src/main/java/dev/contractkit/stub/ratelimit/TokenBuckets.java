package dev.contractkit.stub.ratelimit;

import dev.contractkit.stub.Vendor;

/** Where the vendors' token buckets live: this process's memory, or the shared sandbox's database. */
public interface TokenBuckets {

    /** A take: whether a token was had, how many are left, and how long until one is (when none was). */
    record Taken(boolean consumed, long remaining, long nanosToWait) {
    }

    /** Takes a token from the vendor's bucket of {@code burst} tokens refilled {@code perSecond}, made full on first use. */
    Taken take(Vendor vendor, long perSecond, long burst);

    /** The tokens a take would find in the vendor's bucket now (full before its first take); takes none. */
    long available(Vendor vendor, long perSecond, long burst);

    /** Full buckets again. */
    void reset();
}
