package dev.contractkit.stub.http;

import dev.contractkit.stub.wire.Exchange;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.journal.Journal;
import dev.contractkit.stub.journal.Recorded;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every request of a vendor, whatever answers it (the pipeline's refusals, a fault, the rate limit,
 * the engine): the request as read, the answer as written, recorded just before the answer goes out, so a
 * client that got its answer finds its request here.
 */
final class JournalStep {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Vendor vendor;
    private final Journal journal;

    JournalStep(Vendor vendor, Journal journal) {
        this.vendor = vendor;
        this.journal = journal;
    }

    /** Arranges for the exchange to be recorded once, when answered or dropped; run it at the end as well. */
    Runnable recordOnAnswer(Exchange exchange, String operationId) {
        long sequence = SEQUENCE.incrementAndGet();
        Instant receivedAt = Instant.now();
        boolean[] done = {false};
        Runnable record = () -> {
            if (!done[0]) {
                done[0] = true;
                journal.add(recorded(exchange, operationId, sequence, receivedAt));
            }
        };
        exchange.beforeAnswer(record);
        return record;
    }

    private Recorded recorded(Exchange exchange, String operationId, long sequence, Instant receivedAt) {
        String path = exchange.pathUnder();
        String query = exchange.rawQuery();
        byte[] body = exchange.body() == null ? new byte[0] : exchange.body().bytes();
        byte[] answer = exchange.answerBody();
        return new Recorded(sequence, vendor.prefix(), operationId, exchange.method(),
                query == null ? path : path + "?" + query, headers(exchange),
                body.length > Recorded.BODY_LIMIT ? Arrays.copyOf(body, Recorded.BODY_LIMIT) : body,
                exchange.status(),
                answer.length > Recorded.BODY_LIMIT ? Arrays.copyOf(answer, Recorded.BODY_LIMIT) : answer, receivedAt);
    }

    private static Map<String, String> headers(Exchange exchange) {
        Map<String, String> headers = new TreeMap<>();
        exchange.forEachHeader((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.merge(lower, "authorization".equals(lower) ? "[redacted]" : value,
                    (was, more) -> "authorization".equals(lower) ? was : was + ", " + more);
        });
        return headers;
    }
}
