package dev.contractkit.stub.fault;

import dev.contractkit.admin.server.model.Fault;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** A fault as armed: what it does, what it matches, how many more times (null: until cleared). */
public final class ArmedFault {

    final Fault spec;
    private final AtomicInteger remaining;
    private final Random random;

    ArmedFault(Fault spec) {
        this.spec = spec;
        this.remaining = spec.getTimes() == null ? null : new AtomicInteger(spec.getTimes());
        this.random = spec.getSeed() == null ? new Random() : new Random(spec.getSeed());
    }

    boolean matches(String vendor, String operation) {
        return spec.getVendor().toString().equals(vendor)
                && (spec.getOperation() == null || spec.getOperation().equals(operation));
    }

    /** Takes one use; false when none is left. */
    boolean take() {
        return remaining == null || remaining.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
    }

    boolean spent() {
        return remaining != null && remaining.get() == 0;
    }

    Integer remaining() {
        return remaining == null ? null : remaining.get();
    }

    /** The delay for this use: fixed, or drawn from [delayMs, delayMaxMs] by the seeded random. */
    long delayMs() {
        int low = spec.getDelayMs();
        Integer high = spec.getDelayMaxMs();
        if (high == null || high <= low) {
            return low;
        }
        synchronized (random) {
            return low + random.nextInt(high - low + 1);
        }
    }
}
