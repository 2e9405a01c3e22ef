package dev.contractkit.stub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.admin.server.model.JournalEntry;
import dev.contractkit.stub.journal.Recorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/** A recorded request as the admin API shows it: bodies as JSON when they parse, else as text. */
final class JournalEntries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalEntries() {
    }

    static JournalEntry of(Recorded r) {
        return new JournalEntry().vendor(r.vendor()).operation(r.operation())
                .method(r.method()).path(r.path()).headers(r.headers()).body(body(r.body()))
                .status(r.status()).responseBody(body(r.responseBody()))
                .receivedAt(r.receivedAt().atOffset(ZoneOffset.UTC));
    }

    private static Object body(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
