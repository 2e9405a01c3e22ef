package dev.contractkit.stub.console;

import dev.contractkit.stub.wire.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The sandbox console: a page and its script and style, served from the jar at /__admin/ ahead of the admin
 * API. They hold no data (the page reads it from the admin API with the admin token), so they are served
 * without one: the page must load to ask for it.
 */
public final class ConsoleFiles {

    private static final String ROOT = "/__admin/";
    private static final String FILES = ROOT + "console/";

    /** What the console may load: its own files and the stub's APIs, nothing inline, nothing elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Map<String, String> FILE_TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, byte[]> files;

    public ConsoleFiles() {
        this.files = FILE_TYPES.keySet().stream().collect(java.util.stream.Collectors.toMap(n -> n, ConsoleFiles::read));
    }

    /** Whether the request was for a console file (or the console's root without its slash), and answered. */
    public boolean served(Exchange exchange) {
        String path = exchange.uri().getPath();
        String method = exchange.method();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && ROOT.equals(path)) {
            serve(exchange, "index.html");
        } else if (read && path.equals(ROOT.substring(0, ROOT.length() - 1))) {
            exchange.setHeader("Location", ROOT);
            exchange.answer(308, null, new byte[0]);
        } else if (read && path.startsWith(FILES) && files.containsKey(path.substring(FILES.length()))) {
            serve(exchange, path.substring(FILES.length()));
        } else {
            return false;
        }
        return true;
    }

    private void serve(Exchange exchange, String name) {
        exchange.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.setHeader("X-Content-Type-Options", "nosniff");
        exchange.setHeader("Referrer-Policy", "no-referrer");
        exchange.setHeader("Cache-Control", "no-cache");
        exchange.answer(200, FILE_TYPES.get(name), files.get(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
