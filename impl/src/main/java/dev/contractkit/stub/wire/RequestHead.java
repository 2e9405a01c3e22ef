package dev.contractkit.stub.wire;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * A request line and its header fields, read strictly (RFC 9112): anything the server cannot frame or
 * route is {@link Malformed}, answered by the stub in the vendor's words instead of a server's HTML.
 *
 * @param bodyLength the Content-Length; 0 without one; -1 when the body is chunked
 */
record RequestHead(String method, URI uri, String version, Headers headers, long bodyLength) {

    /** Nginx and Tomcat allow 8 KB a request line; the head as a whole may carry a 10 KB token. */
    static final int MAX_REQUEST_LINE = 8 * 1024;
    static final int MAX_HEAD = 64 * 1024;
    static final int MAX_FIELDS = 100;

    static RequestHead read(WireInput in) throws IOException, Malformed {
        String line = requestLine(in);
        String[] parts = line.split(" ", -1);
        String rawPath = pathIn(parts);
        if (parts.length != 3 || !isToken(parts[0]) || !parts[2].startsWith("HTTP/")) {
            throw new Malformed(400, "Malformed request line: expected METHOD /path HTTP/1.1", rawPath);
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw new Malformed(400, "HTTP version " + printable(parts[2]) + " is not served: use HTTP/1.1", rawPath);
        }
        URI uri = target(parts[1], rawPath);
        Headers headers = fields(in, line.length(), uri.getRawPath());
        return new RequestHead(parts[0], uri, parts[2], headers, bodyLength(headers, parts[2], uri.getRawPath()));
    }

    private static String requestLine(WireInput in) throws IOException, Malformed {
        String tooLong = "The request line is longer than " + MAX_REQUEST_LINE + " bytes";
        try {
            String line = in.readLine(MAX_REQUEST_LINE, 414, tooLong, null);
            // RFC 9112 2.2: an empty line before a request is ignored
            return line.isEmpty() ? in.readLine(MAX_REQUEST_LINE, 414, tooLong, null) : line;
        } catch (Malformed tooLongLine) {
            // The path usually fits in what was read (a long query makes most such lines): it tells the API.
            throw new Malformed(414, tooLong, tooLongLine.seen() == null ? null : pathIn(tooLongLine.seen().split(" ")));
        }
    }

    /** The path of a request line's target, when its second word is one. */
    private static String pathIn(String[] requestLineWords) {
        return requestLineWords.length > 1 && requestLineWords[1].startsWith("/") ? pathOf(requestLineWords[1]) : null;
    }

    boolean chunked() {
        return bodyLength == -1;
    }

    boolean hasBody() {
        return bodyLength != 0;
    }

    /** HTTP/1.0 and "Connection: close" end the connection after the answer. */
    boolean keepAlive() {
        return version.equals("HTTP/1.1") && !tokens(headers.get("Connection")).contains("close");
    }

    boolean expectsContinue() {
        return "100-continue".equalsIgnoreCase(headers.getFirst("Expect"));
    }

    private static URI target(String target, String rawPath) throws Malformed {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw new Malformed(400, "The request target has a byte outside printable ASCII at index " + i,
                        rawPath);
            }
        }
        try {
            URI uri = new URI(target);
            if (uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
                throw new Malformed(400, "The request target must be a path starting with /", rawPath);
            }
            return uri;
        } catch (URISyntaxException e) {
            // The parser's reason ("Malformed escape pair", "Illegal character in query"), not its name.
            throw new Malformed(400, "Malformed request target: " + e.getReason() + " at index " + e.getIndex(),
                    rawPath);
        }
    }

    private static Headers fields(WireInput in, int used, String rawPath) throws IOException, Malformed {
        Headers headers = new Headers();
        int size = used;
        for (int count = 0; ; count++) {
            String line = in.readLine(Math.max(0, MAX_HEAD - size), 431,
                    "The request's header fields are longer than " + MAX_HEAD / 1024 + " KB", rawPath);
            if (line.isEmpty()) {
                return headers;
            }
            size += line.length() + 2;
            if (count == MAX_FIELDS) {
                throw new Malformed(431, "More than " + MAX_FIELDS + " header fields", rawPath);
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new Malformed(400, "A header line starts with white space (obsolete line folding)", rawPath);
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new Malformed(400, "Malformed header line " + (count + 1) + ": expected Name: value", rawPath);
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < ' ' && c != '\t') || c == 0x7F) {
                    throw new Malformed(400, "Header " + name + " has a control character", rawPath);
                }
            }
            headers.add(name, value);
        }
    }

    /** The body's framing; both Content-Length and Transfer-Encoding is a 400 (RFC 9112 6.3: request smuggling). */
    private static long bodyLength(Headers headers, String version, String rawPath) throws Malformed {
        List<String> lengths = headers.get("Content-Length");
        List<String> codings = headers.get("Transfer-Encoding");
        if (codings != null) {
            if (lengths != null) {
                throw new Malformed(400, "Transfer-Encoding and Content-Length together", rawPath);
            }
            if (!version.equals("HTTP/1.1") || !tokens(codings).equals(List.of("chunked"))) {
                throw new Malformed(400, "Transfer-Encoding " + printable(String.join(", ", codings))
                        + " is not supported: send chunked, or a Content-Length", rawPath);
            }
            return -1;
        }
        if (lengths == null) {
            return 0;
        }
        long length = -1;
        for (String value : tokens(lengths)) {
            if (!value.matches("[0-9]{1,15}")) {
                throw new Malformed(400, "Content-Length must be a number of bytes, was " + printable(value), rawPath);
            }
            long parsed = Long.parseLong(value);
            if (length != -1 && parsed != length) {
                throw new Malformed(400, "Conflicting Content-Length values", rawPath);
            }
            length = parsed;
        }
        if (length == -1) {
            throw new Malformed(400, "Content-Length must be a number of bytes, was empty", rawPath);
        }
        return length;
    }

    private static List<String> tokens(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(",", -1)))
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static String pathOf(String target) {
        int query = target.indexOf('?');
        int fragment = target.indexOf('#');
        int end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
        return end < 0 ? target : target.substring(0, end);
    }

    /** RFC 9110 token characters: what a method and a header name are made of. */
    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A value quoted in an answer, cut short and without bytes a JSON reader would stumble on. */
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + cut.replaceAll("[^\\x20-\\x7E]", "?") + "'";
    }
}
