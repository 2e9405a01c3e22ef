package dev.contractkit.stub.ratelimit;

import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.wire.Exchange;

/** Answers 429, in the vendor's words, once its token bucket is empty. */
public final class RateLimitStep {

    private final Vendor vendor;
    private final RateLimits limits;

    public RateLimitStep(Vendor vendor, RateLimits limits) {
        this.vendor = vendor;
        this.limits = limits;
    }

    /** Whether the vendor's limit answered the request (429, or 503 when a shared sandbox's database is away). */
    public boolean answered(Exchange exchange) {
        if (!limits.limits(vendor)) {
            return false;
        }
        boolean taken;
        try {
            taken = limits.take(vendor, exchange::setHeader);
        } catch (StubException unavailable) {
            exchange.answerError(vendor, unavailable);
            return true;
        }
        if (!taken) {
            exchange.answerError(vendor, new StubException(ErrorKind.RATE_LIMITED, RateLimits.TOO_MANY_REQUESTS));
        }
        return !taken;
    }
}
