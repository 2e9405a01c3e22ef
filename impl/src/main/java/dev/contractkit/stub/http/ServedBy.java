package dev.contractkit.stub.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.contractkit.stub.auth.Authenticator;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The stub a request came in on, for the Jersey applications that every stub of a JVM shares (building one
 * took most of a further stub's start): its authenticator and what its resources serve with (a vendor's
 * engine, or the admin API's state). Set by this filter, last before the application, for the thread that
 * runs the request through it.
 */
public final class ServedBy extends Filter {

    private static final ThreadLocal<ServedBy> CURRENT = new ThreadLocal<>();

    private final Authenticator authenticator;
    private final Supplier<?> logic;

    /** @param authenticator null when the API takes no credentials (admin) */
    public ServedBy(Authenticator authenticator, Supplier<?> logic) {
        this.authenticator = authenticator;
        this.logic = logic;
    }

    /** The stub serving this thread's request. */
    public static ServedBy current() {
        ServedBy current = CURRENT.get();
        if (current == null) {
            throw new IllegalStateException("no stub is serving a request on this thread");
        }
        return current;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public <T> T logic(Class<T> type) {
        return type.cast(logic.get());
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        ServedBy outer = CURRENT.get();
        CURRENT.set(this);
        try {
            chain.doFilter(exchange);
        } finally {
            CURRENT.set(outer);
        }
    }

    @Override
    public String description() {
        return "the stub serving the request";
    }
}
