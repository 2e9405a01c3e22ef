package dev.contractkit.stub.wire;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty parses but the stub still refuses before any API sees the request: a request target over
 * 8 KB (414; Jetty's own limit is the whole head's) and more than 100 header fields (431; Jetty counts only
 * bytes). A target java.net.URI cannot read is the next step's ({@link RequestPath}), which reads it once.
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
        } else {
            return super.handle(request, response, callback);
        }
        return true;
    }
}
