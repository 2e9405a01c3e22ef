package dev.contractkit.stub.http;

import dev.contractkit.stub.pipeline.Api;
import dev.contractkit.stub.pipeline.Arrival;
import dev.contractkit.stub.pipeline.JerseyApp;
import dev.contractkit.stub.wire.Exchange;
import dev.contractkit.stub.wire.RefusalAnswers;
import dev.contractkit.stub.wire.RequestBody;
import dev.contractkit.stub.wire.VendorRefusals;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.admin.AdminTokenCheck;
import dev.contractkit.stub.admin.CrossSiteGuard;
import dev.contractkit.stub.auth.Authenticator;
import dev.contractkit.stub.console.ConsoleFiles;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.fault.FaultStep;
import dev.contractkit.stub.ratelimit.RateLimitStep;
import dev.contractkit.stub.journal.Journal;
import dev.contractkit.stub.journal.Recorded;
import dev.contractkit.stub.spec.Route;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every step a request takes, in order, from bytes to answer. Before this class:
 * <ol>
 * <li>Jetty reads the head ({@link RequestLineTap} keeps the request line's first bytes, so a line Jetty cannot
 *     parse is still refused in the words of the API it names: {@link RefusalErrorHandler});</li>
 * <li>{@link HeadLimits}: a target over 8 KB (414), more than 100 header fields (431).</li>
 * </ol>
 * Then {@link #handle}: the target read as a URI, once (400 when it cannot be); the API its first segment
 * names (none: the root's 404); and that API's steps: {@link #serveVendor} or {@link #serveAdmin}. Each step
 * that answers ends the request; none uses a thread-local, and the request is routed once, by the spec, the
 * operation handed on as a value ({@link Arrival}). Inside Jersey ({@link JerseyApp}): {@link RequestPipeline}
 * (credentials, parameters, body against the spec), Jersey's match of the generated interface's method
 * ({@link GeneratedResources}), the engine's answer, {@link ErrorMapper} for every refusal; the answer goes
 * out whole, with its length ({@link Exchange#answer}).
 */
public final class RequestPath extends Handler.Abstract {

    /** A vendor's API on this stub: what its steps need. */
    private record VendorApi(Vendor vendor, Api api, JerseyApp jersey, Authenticator authenticator, Object engine,
            JournalStep journal, RateLimitStep rateLimit, FaultStep faults) {
    }

    /** The admin API and console on this stub: the API and its Jersey application from {@code served}, at its first call. */
    private record AdminApi(String prefix, Supplier<Served> served, CrossSiteGuard crossSite, ConsoleFiles console,
            AdminTokenCheck token, Supplier<?> state) {
    }

    /** An API and the Jersey application that serves it. */
    public record Served(Api api, JerseyApp jersey) {
    }

    private final RefusalAnswers refusals;
    private final Map<String, VendorApi> vendors = new ConcurrentHashMap<>();
    private volatile AdminApi admin;
    private volatile String rootNotFound = "{\"message\":\"No such path\"}";

    public RequestPath(VendorRefusals refusals) {
        this.refusals = new RefusalAnswers(refusals);
    }

    public RefusalAnswers refusals() {
        return refusals;
    }

    /** Serves a vendor's API under /PREFIX. */
    public void mountVendor(Vendor vendor, Api api, JerseyApp jersey, Authenticator authenticator, Object engine,
            Journal journal, RateLimitStep rateLimit, FaultStep faults) {
        vendors.put(api.prefix(), new VendorApi(vendor, api, jersey, authenticator, engine,
                new JournalStep(vendor, journal), rateLimit, faults));
    }

    /**
     * Serves the admin API and console under /PREFIX; {@code token} null when admin calls need none. The API
     * and its Jersey application are asked of {@code served} at the first admin call that gets past the
     * console and the guards, not before: a stub that is never asked pays nothing for them.
     */
    public void mountAdmin(String prefix, Supplier<Served> served, CrossSiteGuard crossSite, ConsoleFiles console,
            AdminTokenCheck token, Supplier<?> state) {
        admin = new AdminApi(prefix, served, crossSite, console, token, state);
    }

    /** What a path under no API is told (a 404). */
    public void rootNotFound(String json) {
        rootNotFound = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        URI uri;
        try {
            uri = URI.create(request.getHttpURI().toString()); // once: every step, and Jersey, read this one
        } catch (IllegalArgumentException malformed) {
            refusals.answer(request, response, callback, request.getHttpURI().getPath(), 400,
                    "The request target has a malformed percent-escape");
            return true;
        }
        String api = firstSegment(uri.getRawPath());
        VendorApi vendor = vendors.get(api);
        AdminApi admin = this.admin;
        if (vendor != null) {
            serveVendor(new Exchange(request, response, callback, uri, api), vendor);
        } else if (admin != null && admin.prefix().equals(api)) {
            serveAdmin(new Exchange(request, response, callback, uri, api), admin);
        } else {
            new Exchange(request, response, callback, uri, "").answerJson(404, rootNotFound);
        }
        return true;
    }

    /**
     * A vendor's request: routed by the spec (the 404 or 405 is answered in the pipeline, after the journal, the
     * rate limit and faults have seen the request), its body read, recorded, counted against the rate limit,
     * given an armed fault, then through Jersey.
     */
    private static void serveVendor(Exchange exchange, VendorApi vendor) {
        Route route = vendor.api().spec().route(exchange.method(), exchange.pathUnder());
        StubException unrouted = route != null ? null : StubException.unrouted(exchange.method(), exchange.pathUnder(),
                vendor.api().spec().methodsAt(exchange.pathUnder()));
        exchange.body(RequestBody.read(exchange, vendor.api().bodyLimit(), Recorded.BODY_LIMIT));
        Runnable record = vendor.journal().recordOnAnswer(exchange, route == null ? null : route.operation().id());
        try {
            if (vendor.rateLimit().answered(exchange)
                    || vendor.faults().answered(exchange, route == null ? null : route.operation())) {
                return;
            }
            vendor.jersey().serve(exchange, new Arrival(vendor.authenticator(), vendor.engine(), route, unrouted,
                    exchange.body()));
        } catch (java.io.IOException interrupted) {
            throw new java.io.UncheckedIOException(interrupted);
        } finally {
            record.run(); // nothing answered (a failure): recorded all the same
        }
    }

    /**
     * An admin call or a console file: other sites' pages refused, the console's files served without a token,
     * the admin token checked (off loopback), then routed, its body read, and through Jersey.
     */
    private static void serveAdmin(Exchange exchange, AdminApi admin) {
        if (admin.crossSite().refused(exchange) || admin.console().served(exchange)
                || admin.token() != null && admin.token().refused(exchange)) {
            return;
        }
        Served served = admin.served().get();
        Route route = served.api().spec().route(exchange.method(), exchange.pathUnder());
        StubException unrouted = route != null ? null : StubException.unrouted(exchange.method(), exchange.pathUnder(),
                served.api().spec().methodsAt(exchange.pathUnder()));
        exchange.body(RequestBody.read(exchange, served.api().bodyLimit(), 0));
        served.jersey().serve(exchange, new Arrival(null, admin.state().get(), route, unrouted, exchange.body()));
    }

    /** The API of a path, "acme" of "/acme/customers/1"; "" when there is no path. */
    private static String firstSegment(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return "";
        }
        int end = rawPath.indexOf('/', 1);
        return end < 0 ? rawPath.substring(1) : rawPath.substring(1, end);
    }
}
