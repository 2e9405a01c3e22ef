package dev.contractkit.stub.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a shared sandbox's database is: a {@code jdbc:postgresql://} URL, and the user and password (given apart,
 * or as the URL's {@code user}/{@code password} parameters, which are taken out of it so the URL the stub prints,
 * logs or hands on never carries a password).
 */
public record JdbcStore(String url, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    public JdbcStore {
        Objects.requireNonNull(url, "store URL");
    }

    /** Checks the URL and moves any user or password in its query into the options (which win). */
    public static JdbcStore of(String url, String user, String password) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("--store must be memory or a jdbc:postgresql:// URL");
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return new JdbcStore(url, user, password);
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            String value = parameter.substring(name.length() + (parameter.contains("=") ? 1 : 0));
            if (name.equals("password")) {
                password = password == null ? decode(value) : password;
            } else if (name.equals("user")) {
                user = user == null ? decode(value) : user;
            } else if (!parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        String base = url.substring(0, query);
        return new JdbcStore(kept.isEmpty() ? base : base + "?" + String.join("&", kept), user, password);
    }

    /** The URL and user, for messages: never the password. */
    public String described() {
        return url + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return "JdbcStore[" + described() + "]";
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
