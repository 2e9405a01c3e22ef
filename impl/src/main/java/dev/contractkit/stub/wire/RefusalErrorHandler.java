package dev.contractkit.stub.wire;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, for the answers Jetty gives by itself: a request it cannot parse (a bad request
 * line, header or body framing, a head over its size) or a failure no handler answered. Instead of
 * Jetty's HTML page, the API the path names words it, through {@link VendorRefusals}.
 */
final class RefusalErrorHandler implements Request.Handler {

    /** What Jetty puts in place of a request target it could not parse. */
    private static final java.util.Set<String> STAND_INS = java.util.Set.of("/badMessage", "/badURI");

    private final RefusalAnswers answers;

    RefusalErrorHandler(RefusalAnswers answers) {
        this.answers = answers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        if (status == 505 || status == 426) {
            // Jetty's 505 (HTTP/0.9) and 426 (HTTP/2.0 in the request line): no request to these HTTP/1.1 APIs,
            // and a 4xx, as issue 16 asks. A 426 would also owe an Upgrade header naming a protocol not served.
            status = 400;
            message = "Not an HTTP/1.1 request line";
        }
        answers.answer(request, response, callback, rawPath(request), status, message == null ? null : message.toString());
        return true;
    }

    private static String rawPath(Request request) {
        String path = request.getHttpURI().getPath();
        if (path == null || STAND_INS.contains(path)) {
            String target = RequestLineTap.target(request);
            if (target == null) {
                return null;
            }
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
        return path;
    }
}
