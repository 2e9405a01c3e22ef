package dev.contractkit.stub.fault;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.http.Exchanges;
import java.io.IOException;

/** Answers 429, in the vendor's words, once its token bucket is empty. */
public final class RateLimitFilter extends Filter {

    private final Vendor vendor;
    private final RateLimits limits;

    public RateLimitFilter(Vendor vendor, RateLimits limits) {
        this.vendor = vendor;
        this.limits = limits;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        boolean taken;
        try {
            taken = limits.take(vendor, exchange);
        } catch (StubException unavailable) { // the shared sandbox's database is away: the vendor's 503
            Exchanges.answerError(exchange, vendor, unavailable);
            return;
        }
        if (taken) {
            chain.doFilter(exchange);
        } else {
            Exchanges.answerError(exchange, vendor, new StubException(ErrorKind.RATE_LIMITED, RateLimits.TOO_MANY_REQUESTS));
        }
    }

    @Override
    public String description() {
        return "rate limit";
    }
}
