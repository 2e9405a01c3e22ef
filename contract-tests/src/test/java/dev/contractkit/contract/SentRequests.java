package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.RequestValidator;
import dev.contractkit.stub.spec.Route;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a client sent to WireMock, read back and checked against the spec by the stub's own validator. */
final class SentRequests {

    private SentRequests() {
    }

    /** The request's path, decoded, without its query. */
    static String path(LoggedRequest sent) {
        return URI.create(sent.getUrl()).getPath();
    }

    /** The body as JSON; a missing node when none was sent. */
    /** Whether it carried no body or a JSON one (not a multipart upload or a form). */
    static boolean isJson(LoggedRequest sent) {
        String type = sent.containsHeader("Content-Type") ? sent.getHeader("Content-Type") : "";
        return sent.getBody() == null || sent.getBody().length == 0 || type.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /** The JSON body sent; none (missing) for a body that is no JSON, which only its operation's media type describes. */
    static JsonNode body(LoggedRequest sent) throws IOException {
        if (!isJson(sent)) {
            return MissingNode.getInstance();
        }
        String text = sent.getBodyAsString();
        return text == null || text.isEmpty() ? MissingNode.getInstance() : SpecDocument.JSON.readTree(text);
    }

    /** The headers sent, by name in any case (as HTTP compares them). */
    static Map<String, List<String>> headers(LoggedRequest sent) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sent.getHeaders().all().forEach(header -> headers.put(header.key(), header.values()));
        return headers;
    }

    /** Where the request does not fit the spec: route, path, query and header parameters, and body. */
    static List<Violation> misfits(OpenApiSpec spec, LoggedRequest sent) throws IOException {
        Route route = spec.route(sent.getMethod().getName(), path(sent));
        List<Violation> misfits = new ArrayList<>(RequestValidator.pathParams(route));
        misfits.addAll(RequestValidator.queryParams(route.operation(), QueryStrings.parse(sent.getUrl())));
        misfits.addAll(RequestValidator.headerParams(route.operation(), headers(sent)));
        JsonNode body = body(sent);
        if (route.operation().hasBody()) {
            if (!body.isMissingNode()) {
                misfits.addAll(RequestValidator.body(route.operation(), body));
            } else if (route.operation().bodyRequired()) {
                misfits.add(new Violation("body", "is required", true));
            }
        } else if (!body.isMissingNode()) {
            misfits.add(new Violation("body", "was sent to an operation that takes none", false));
        }
        return misfits;
    }
}
