package dev.contractkit.stub.spec;

import com.networknt.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a spec, ready to match a request path and validate its parameters and body.
 *
 * @param security   the credentials it accepts: alternatives, each what must be sent together ({@link Credential})
 * @param id         its operationId as the spec writes it; for one without, the name the generator gives it
 * @param methodName the name of its method in the generated client and server (openapi-generator 7.25.0):
 *                   the id, camel-cased as Java names go (get-customer is getCustomer), de-duplicated
 */
public record Operation(
        String id,
        String method,
        String pathTemplate,
        Pattern pathPattern,
        List<String> pathParamNames,
        Map<String, Schema> pathParamSchemas,
        Map<String, QueryParam> queryParams,
        Schema bodySchema,
        boolean bodyRequired,
        Set<String> bodyProperties,
        int successStatus,
        Set<Integer> documentedStatuses,
        List<List<Credential>> security,
        String pointer,
        String methodName) {

    /** Whether it asks for credentials at all (an empty alternative among them makes them optional). */
    public boolean secured() {
        return !security.isEmpty() && security.stream().noneMatch(List::isEmpty);
    }

    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start()))).append("([^/]+)");
            at = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(at))).append("/?$").toString());
    }

    static List<String> paramNames(String template) {
        return Pattern.compile("\\{([^}/]+)}").matcher(template).results().map(r -> r.group(1)).toList();
    }

    /**
     * The path parameters when the path, as sent (percent-encoded), fits this operation's template, else
     * null. Each value is decoded as a whole after matching, so an encoded '/' stays inside its parameter
     * (and fails its validation) instead of splitting the path.
     */
    Map<String, String> match(String rawPath) {
        Matcher m = pathPattern.matcher(rawPath);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pathParamNames.size(); i++) {
            values.put(pathParamNames.get(i), PercentDecoding.decode(m.group(i + 1)));
        }
        return values;
    }

    public boolean hasBody() {
        return bodySchema != null;
    }
}
