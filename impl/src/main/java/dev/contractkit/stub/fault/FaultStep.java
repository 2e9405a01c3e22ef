package dev.contractkit.stub.fault;

import dev.contractkit.stub.ratelimit.RateLimits;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.wire.Exchange;
import dev.contractkit.stub.spec.Operation;
import java.io.IOException;
import java.util.Optional;

/** Makes a vendor misbehave on purpose when an armed fault matches: an error status, a delay, a drop. */
public final class FaultStep {

    /** Marks an answer a fault shaped, so a test (or a person reading a log) can tell. */
    public static final String HEADER = "X-Stub-Fault";

    private final Vendor vendor;
    private final Faults faults;
    private final RateLimits rateLimits;

    public FaultStep(Vendor vendor, Faults faults, RateLimits rateLimits) {
        this.vendor = vendor;
        this.faults = faults;
        this.rateLimits = rateLimits;
    }

    /**
     * Whether an armed fault answered the request (a status) or dropped it; a delay sleeps and lets it go on.
     *
     * @param operation what the request was routed to; null when it fits none (a fault of any operation applies)
     */
    public boolean answered(Exchange exchange, Operation operation) throws IOException {
        if (faults.none()) {
            return false;
        }
        Optional<ArmedFault> fault;
        try {
            fault = faults.take(vendor.prefix(), operation == null ? null : operation.id());
        } catch (StubException unavailable) { // the shared sandbox's database is away: the vendor's 503
            exchange.answerError(vendor, unavailable);
            return true;
        }
        if (fault.isEmpty()) {
            return false;
        }
        var armed = fault.get();
        switch (armed.spec.getKind()) {
            case DROP -> {
                exchange.drop(); // no status line: the client sees the connection closed
                return true;
            }
            case DELAY -> {
                long delay = armed.delayMs();
                exchange.setHeader(HEADER, armed.spec.getId() + " delay=" + delay + "ms");
                sleep(delay);
                return false;
            }
            default -> {
                int status = armed.spec.getStatus();
                exchange.setHeader(HEADER, armed.spec.getId() + " status=" + status);
                if (status == 429) {
                    rateLimits.tooManyRequestsHeaders(vendor, exchange::setHeader, armed.spec.getRetryAfterSeconds());
                }
                exchange.answerError(vendor, new StubException(ErrorKind.ofStatus(status),
                        status == 429 ? RateLimits.TOO_MANY_REQUESTS : "Fault armed on the stub: status " + status)
                        .at(operation), status);
                return true;
            }
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delaying", e);
        }
    }
}
