package dev.contractkit.stub.readme;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A curl command line as the request curl would send: -X, -H, -d (and their long names) and one URL. Any
 * other option is refused by name, so a README curl the test cannot run faithfully fails instead of
 * being run as something else.
 */
record Curl(String method, String url, List<String[]> headers, String body) {

    /** Where the README's curls point: the stub's default address. */
    static final String README_BASE = "http://127.0.0.1:8080";

    static Curl parse(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("curl")) {
            throw new IllegalArgumentException("not a curl command: " + words);
        }
        String method = null;
        String url = null;
        String body = null;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-X", "--request" -> method = value(words, ++i, word);
                case "-H", "--header" -> {
                    String header = value(words, ++i, word);
                    int colon = header.indexOf(':');
                    headers.add(new String[] {header.substring(0, colon).trim(), header.substring(colon + 1).trim()});
                }
                case "-d", "--data", "--data-raw" -> body = value(words, ++i, word);
                default -> {
                    if (word.startsWith("-")) {
                        throw new IllegalArgumentException("curl option " + word + " is not one the README test can run");
                    }
                    if (url != null) {
                        throw new IllegalArgumentException("two URLs: " + url + " and " + word);
                    }
                    url = word;
                }
            }
        }
        if (url == null || !url.startsWith(README_BASE + "/")) {
            throw new IllegalArgumentException("the URL must start with " + README_BASE + "/, the stub's default: " + url);
        }
        if (body != null && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type"))) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"}); // what curl -d sends
        }
        return new Curl(method != null ? method : body != null ? "POST" : "GET", url, List.copyOf(headers), body);
    }

    /** The same request to a stub listening elsewhere. */
    HttpRequest.Builder to(URI stub) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub + url.substring(README_BASE.length())))
                .method(method.toUpperCase(Locale.ROOT), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(h -> request.header(h[0], h[1]));
        return request;
    }

    /** "PUT /layer/v1/...": how a test names it. */
    String name() {
        return method + " " + url.substring(README_BASE.length());
    }

    private static String value(List<String> words, int i, String option) {
        if (i >= words.size()) {
            throw new IllegalArgumentException(option + " without a value");
        }
        return words.get(i);
    }
}
