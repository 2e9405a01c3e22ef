package dev.contractkit.stub.fault;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.http.Exchanges;
import dev.contractkit.stub.spec.OpenApiSpec;
import java.io.IOException;
import java.util.Optional;

/** Makes a vendor misbehave on purpose when an armed fault matches: an error status, a delay, a drop. */
public final class FaultFilter extends Filter {

    /** Marks an answer a fault shaped, so a test (or a person reading a log) can tell. */
    public static final String HEADER = "X-Stub-Fault";

    private final Vendor vendor;
    private final OpenApiSpec spec;
    private final Faults faults;
    private final RateLimits rateLimits;

    public FaultFilter(Vendor vendor, OpenApiSpec spec, Faults faults, RateLimits rateLimits) {
        this.vendor = vendor;
        this.spec = spec;
        this.faults = faults;
        this.rateLimits = rateLimits;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (faults.none()) {
            chain.doFilter(exchange);
            return;
        }
        Optional<ArmedFault> fault;
        var operation = spec.operation(exchange.getRequestMethod(), OpenApiSpec.pathUnder(exchange));
        try {
            fault = faults.take(vendor.prefix(), operation == null ? null : operation.id());
        } catch (StubException unavailable) { // the shared sandbox's database is away: the vendor's 503
            Exchanges.answerError(exchange, vendor, unavailable);
            return;
        }
        if (fault.isEmpty()) {
            chain.doFilter(exchange);
            return;
        }
        var armed = fault.get();
        switch (armed.spec.getKind()) {
            case DROP -> exchange.close(); // no status line: the client sees the connection closed
            case DELAY -> {
                long delay = armed.delayMs();
                exchange.getResponseHeaders().set(HEADER, armed.spec.getId() + " delay=" + delay + "ms");
                sleep(delay);
                chain.doFilter(exchange);
            }
            case STATUS -> {
                int status = armed.spec.getStatus();
                exchange.getResponseHeaders().set(HEADER, armed.spec.getId() + " status=" + status);
                if (status == 429) {
                    rateLimits.tooManyRequestsHeaders(vendor, exchange, armed.spec.getRetryAfterSeconds());
                }
                Exchanges.answerError(exchange, vendor, new StubException(ErrorKind.ofStatus(status),
                        status == 429 ? RateLimits.TOO_MANY_REQUESTS : "Fault armed on the stub: status " + status)
                        .at(operation), status);
            }
        }
    }

    @Override
    public String description() {
        return "faults";
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
