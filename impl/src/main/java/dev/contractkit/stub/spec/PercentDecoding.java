package dev.contractkit.stub.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A path segment's percent-escapes decoded as UTF-8 ('+' stays '+': it means a space only in a query). */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** The decoded text; a broken escape is kept as sent (the HTTP server refuses those before routing). */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int high = i + 2 < raw.length() && c == '%' ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
