package dev.contractkit.contract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Path templates of a spec filled with values. */
final class PathTemplates {

    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

    private PathTemplates() {
    }

    /** /v1/businesses/{business_id}/customers with business_id given; each value encoded as a path segment. */
    static String fill(String template, Map<String, String> values) {
        return fill(template, values, true);
    }

    /** The same, values as they are: the stub's seeding takes the path as it names scopes, unencoded. */
    static String fillRaw(String template, Map<String, String> values) {
        return fill(template, values, false);
    }

    private static String fill(String template, Map<String, String> values, boolean encode) {
        Matcher m = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new AssertionError("no value for {" + m.group(1) + "} of " + template);
            }
            m.appendReplacement(path, Matcher.quoteReplacement(encode
                    ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value));
        }
        return m.appendTail(path).toString();
    }
}
