package dev.contractkit.stub.wire;

import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.refusal.StubException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request on Jetty and its answer, as every step of {@link RequestPath} sees it: the target read once,
 * the body read once ({@link RequestBody}), and an answer written whole, with its Content-Length, in one write.
 * The only class below Jersey that names Jetty's request and response.
 */
public final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final URI uri;
    private final String pathUnder;
    private RequestBody body;
    private int status; // 0 until answered (or dropped)
    private byte[] answer;
    private Runnable beforeAnswer = () -> { };

    public Exchange(Request request, Response response, Callback callback, URI uri, String prefix) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.uri = uri;
        this.pathUnder = pathUnder(uri.getRawPath(), prefix);
    }

    /** The path below the API's prefix, as sent: /vayu/customers/1 is /customers/1, /vayu is /. */
    static String pathUnder(String rawPath, String prefix) {
        int start = prefix.length() + 1;
        String under = rawPath.length() > start ? rawPath.substring(start) : "/";
        return under.startsWith("/") ? under : "/" + under;
    }

    public String method() {
        return request.getMethod();
    }

    /** The request target as an absolute URI (Jetty's scheme and authority), read once. */
    public URI uri() {
        return uri;
    }

    /** The path as sent (percent-encoded). */
    public String rawPath() {
        return uri.getRawPath();
    }

    /** The path below the API's prefix, as sent. */
    public String pathUnder() {
        return pathUnder;
    }

    /** The query as sent, or null. */
    public String rawQuery() {
        return uri.getRawQuery();
    }

    /** The first field of that name, whole; null when none. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /**
     * Every request header value, a field's comma-separated values one by one (as the JDK's HttpServer API, which
     * the stub ran on, and so Jersey saw them).
     */
    public void forEachHeader(BiConsumer<String, String> each) {
        for (HttpField field : request.getHeaders()) {
            String value = field.getValue();
            if (value == null) {
                continue;
            }
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
                each.accept(field.getName(), value);
            } else {
                for (String one : field.getValues()) {
                    each.accept(field.getName(), one);
                }
            }
        }
    }

    /** The declared Content-Length, or -1. */
    long declaredLength() {
        return request.getLength();
    }

    /** The body as Jetty delivers it; read it through {@link #body()}, once. */
    InputStream wire() {
        return Content.Source.asInputStream(request);
    }

    /** The body, read (bounded) by {@link RequestPath} before any step that needs it; null until then. */
    public RequestBody body() {
        return body;
    }

    public void body(RequestBody body) {
        this.body = body;
    }

    /** A response header, set or replaced, for the answer to come. */
    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Runs just before the answer goes out (or the connection is dropped): the journal records there. */
    public void beforeAnswer(Runnable hook) {
        this.beforeAnswer = hook;
    }

    /** The status answered; 0 while none was (and after a drop). */
    public int status() {
        return status;
    }

    /** The answer's body as written; empty until answered. */
    public byte[] answerBody() {
        return answer == null ? new byte[0] : answer;
    }

    /**
     * Answers with this status and body, whole: Content-Length, then the bytes in one write. An empty body
     * sends no Content-Length of ours (Jetty adds what the status allows).
     */
    public void answer(int status, String contentType, byte[] body) {
        this.status = status;
        this.answer = body;
        beforeAnswer.run();
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        boolean head = "HEAD".equals(method());
        if (body.length > 0 && !head) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        response.write(true, body.length == 0 || head ? null : ByteBuffer.wrap(body), callback);
    }

    /** The vendor's error body for this error, with its status. */
    public void answerError(Vendor vendor, StubException error) {
        answerError(vendor, error, error.kind().status());
    }

    /** The vendor's error body for this error, with another status (a fault's). */
    public void answerError(Vendor vendor, StubException error, int status) {
        try {
            byte[] bytes = vendor.json().writeValueAsBytes(vendor.errors().body(error, error.operation()));
            answer(status, vendor.errors().mediaType(error.operation(), status), bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JSON body of our own (the admin API's refusals, the root's 404) with its status. */
    public void answerJson(int status, String json) {
        answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the connection with no answer at all: the client sees it closed (a drop fault). */
    public void drop() {
        beforeAnswer.run();
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.succeeded();
    }
}
