package dev.contractkit.stub.pipeline;

import dev.contractkit.stub.wire.RequestBody;
import dev.contractkit.stub.auth.Authenticator;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Route;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What {@link RequestPath} hands Jersey with a request, as a request property: the stub serving it (the
 * Jersey applications are shared by every stub of a JVM), the operation it was routed to (once, by the
 * spec) or the refusal routing gave, and its body as read. The pipeline and the resources take it from here.
 *
 * @param authenticator the stub's check of bearer tokens; null for an API that takes no credentials (admin)
 * @param logic         what the stub's resources serve with: a vendor's engine, the admin API's state
 * @param route         the operation and its path parameters; null when {@code unrouted} says why not
 * @param unrouted      the 404 or 405 routing gave; null when routed
 */
public record Arrival(Authenticator authenticator, Object logic, Route route, StubException unrouted,
        RequestBody body) {

    static final String PROPERTY = Arrival.class.getName();

    public static Arrival of(ContainerRequestContext request) {
        Arrival arrival = (Arrival) request.getProperty(PROPERTY);
        if (arrival == null) {
            throw new IllegalStateException("a request reached Jersey without the stub's request path");
        }
        return arrival;
    }

    /** The route, or the refusal routing gave, thrown. */
    public Route routed() {
        if (unrouted != null) {
            throw unrouted;
        }
        return route;
    }

    public <T> T logic(Class<T> type) {
        return type.cast(logic);
    }
}
