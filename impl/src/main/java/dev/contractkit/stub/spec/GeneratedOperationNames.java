package dev.contractkit.stub.spec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name openapi-generator 7.25.0 gives an operation that has no operationId, so the journal, the faults and
 * the admin API call it what the generated client and server call it: {@code GET /emails/{email_id}} is
 * {@code emailsEmailIdGet}. The steps are the generator's (DefaultCodegen.getOrGenerateOperationId, its
 * sanitizeName and removeNonNameElementToCamelCase, StringUtils.camelize and AbstractJavaCodegen.toOperationId),
 * read from its 7.25.0 jar and checked against the methods it generated for a fixture spec.
 */
final class GeneratedOperationNames {

    private static final Pattern SLASH = Pattern.compile("/(.?)");
    private static final Pattern CLASS_NAME = Pattern.compile("(\\.?)(\\w)([^.]*)$");
    private static final Pattern UNDERSCORE = Pattern.compile("(_)(.)");
    private static final Pattern HYPHEN = Pattern.compile("(-)(.)");

    private final Map<String, Integer> seen = new HashMap<>();

    /** An operation's id (its operationId as written, else the generated name) and its generated method's name. */
    record Names(String id, String methodName) {
    }

    /**
     * Names the spec's operations one by one, in document order, as the generator counts them: the method of an
     * explicit operationId is named after it (get-customer is getCustomer), one without is named after its
     * method and path, and a method name taken earlier gets _0, _1, ... (the generator's de-duplication, per
     * API class, in the client; the jaxrs-spec server numbers them with one counter for all names).
     */
    Names name(String operationId, String method, String template) {
        boolean explicit = operationId != null && !operationId.isBlank();
        String name = explicit ? methodName(operationId) : generated(method, template);
        int counter = seen.getOrDefault(name, 0);
        String unique = name;
        while (seen.containsKey(unique)) {
            unique = name + "_" + counter++;
        }
        seen.put(name, counter);
        return new Names(explicit ? operationId : unique, unique);
    }

    /** The generated name alone, without de-duplication. */
    static String generated(String method, String template) {
        String path = template.replace("{", "").replace("}", "");
        StringBuilder builder = new StringBuilder("/".equals(path) ? "root" : "");
        for (String part : (path + "/" + method.toLowerCase(Locale.ROOT)).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            builder.append(builder.length() == 0 ? Character.toLowerCase(part.charAt(0)) + part.substring(1) : camelize(part));
        }
        return methodName(sanitize(builder.toString()));
    }

    /** getOrGenerateOperationId's last steps and the Java generators' toOperationId. */
    static String methodName(String operationId) {
        String name = camelizeLowerFirst(sanitize(removeNonNameElementsToCamelCase(operationId)));
        return name.matches("^\\d.*") ? camelizeLowerFirst("call_" + name) : name;
    }

    /** DefaultCodegen.sanitizeName: brackets, dots, colons, hyphens, bars, spaces and slashes become '_', the rest of \W goes. */
    private static String sanitize(String name) {
        if ("$".equals(name)) {
            return "value";
        }
        return name.replace("[]", "").replace("[", "_").replace("]", "").replace("(", "_").replace(")", "")
                .replace(".", "_").replace(":", "_").replace("-", "_").replace("|", "_").replace(" ", "_")
                .replace("/", "_").replace("\\", "_").replaceAll("\\W", "");
    }

    /** Splits at - _ : ; # and joins the parts capitalised, the first letter lower case. */
    private static String removeNonNameElementsToCamelCase(String name) {
        StringBuilder result = new StringBuilder();
        for (String part : name.split("[-_:;#_]")) {
            result.append(part.isEmpty() ? part : Character.toTitleCase(part.charAt(0)) + part.substring(1));
        }
        return result.isEmpty() ? "" : result.substring(0, 1).toLowerCase(Locale.ROOT) + result.substring(1);
    }

    private static String camelizeLowerFirst(String word) {
        return camelize(word, true);
    }

    private static String camelize(String word) {
        return camelize(word, false);
    }

    /** StringUtils.camelize, step by step (its regular expressions are kept as the generator has them). */
    private static String camelize(String word, boolean lowerFirstLetter) {
        Matcher m = SLASH.matcher(word);
        while (m.find()) {
            word = m.replaceFirst("." + Matcher.quoteReplacement(m.group(1)));
            m = SLASH.matcher(word);
        }
        StringBuilder cased = new StringBuilder();
        for (String part : word.split("\\.")) {
            if (!part.isEmpty()) {
                cased.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        word = cased.toString();
        m = CLASS_NAME.matcher(word);
        if (m.find()) {
            word = m.replaceAll(Matcher.quoteReplacement(m.group(1) + m.group(2).toUpperCase(Locale.ROOT) + m.group(3)));
        }
        m = UNDERSCORE.matcher(word);
        while (m.find()) {
            String original = m.group(2);
            String upper = original.toUpperCase(Locale.ROOT);
            word = original.equals(upper) ? word.replaceFirst("_", "") : m.replaceFirst(Matcher.quoteReplacement(upper));
            m = UNDERSCORE.matcher(word);
        }
        m = HYPHEN.matcher(word);
        while (m.find()) {
            word = m.replaceFirst(Matcher.quoteReplacement(m.group(2).toUpperCase(Locale.ROOT)));
            m = HYPHEN.matcher(word);
        }
        if (lowerFirstLetter && !word.isEmpty()) {
            word = lowercaseFirstLetter(word);
        }
        return word.replace("_", "");
    }

    /** StringUtils.lowercaseFirstLetter: lower-cases up to and including the first ASCII letter. */
    private static String lowercaseFirstLetter(String word) {
        int i = 0;
        char c = word.charAt(i);
        while (i + 1 < word.length() && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            c = word.charAt(++i);
        }
        return word.substring(0, i + 1).toLowerCase(Locale.ROOT) + word.substring(i + 1);
    }
}
