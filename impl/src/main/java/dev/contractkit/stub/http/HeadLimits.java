package dev.contractkit.stub.http;

import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty parses but the stub still refuses before any API sees the request: a request target over
 * 8 KB (414; Jetty's own limit is the whole head's), more than 100 header fields (431; Jetty counts only
 * bytes), and a target java.net.URI cannot read (400: a broken percent-escape, which the JDK's HttpServer
 * API would otherwise fail on with a 500).
 */
final class HeadLimits extends Handler.Wrapper {

    static final int MAX_TARGET = 8 * 1024;
    static final int MAX_FIELDS = 100;

    private final RefusalAnswers answers;

    HeadLimits(Handler next, RefusalAnswers answers) {
        super(next);
        this.answers = answers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String pathQuery = request.getHttpURI().getPathQuery();
        if (pathQuery != null && pathQuery.length() > MAX_TARGET) {
            answers.answer(request, response, callback, path, 414, "The request target is over 8 KB");
        } else if (request.getHeaders().size() > MAX_FIELDS) {
            answers.answer(request, response, callback, path, 431, "More than " + MAX_FIELDS + " header fields");
        } else if (!readable(request)) {
            answers.answer(request, response, callback, path, 400, "The request target has a malformed percent-escape");
        } else {
            return super.handle(request, response, callback);
        }
        return true;
    }

    /** Whether the exchange's getRequestURI() will work: Jetty's SPI builds it with URI.create. */
    private static boolean readable(Request request) {
        try {
            URI.create(request.getHttpURI().toString());
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
