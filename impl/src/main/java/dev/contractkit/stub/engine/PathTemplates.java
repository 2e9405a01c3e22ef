package dev.contractkit.stub.engine;

import java.util.Locale;

/** The segments of an OpenAPI path template: /v1/businesses/{business_id}/customers. */
final class PathTemplates {

    private PathTemplates() {
    }

    /** "customers" -> "Customer", "catalog-products" -> "Catalog product", "businesses" -> "Business". */
    static String noun(String segment) {
        String words = segment.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ')
                .toLowerCase(Locale.ROOT);
        String singular = words.endsWith("sses") || words.endsWith("ches") || words.endsWith("shes") || words.endsWith("xes")
                ? words.substring(0, words.length() - 2)
                : words.endsWith("ies") ? words.substring(0, words.length() - 3) + "y"
                : words.endsWith("s") && !words.endsWith("ss") ? words.substring(0, words.length() - 1) : words;
        return singular.isEmpty() ? singular : Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
    }

    static boolean isParam(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static String param(String segment) {
        return segment.substring(1, segment.length() - 1);
    }

    static String last(String template) {
        return template.substring(template.lastIndexOf('/') + 1);
    }

    static String parent(String template) {
        int slash = template.lastIndexOf('/');
        return slash <= 0 ? "" : template.substring(0, slash);
    }
}
