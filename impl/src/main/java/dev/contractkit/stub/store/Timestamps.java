package dev.contractkit.stub.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** ISO-8601 instants in milliseconds, as the vendors write them. */
public final class Timestamps {

    private Timestamps() {
    }

    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Now, or a millisecond after {@code previous} if the clock has not moved past it: updatedAt always moves. */
    public static String after(String previous) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (previous != null) {
            try {
                Instant before = Instant.parse(previous);
                if (!now.isAfter(before)) {
                    now = before.plusMillis(1).truncatedTo(ChronoUnit.MILLIS);
                }
            } catch (RuntimeException unparsable) {
                // A seeded value in another ISO form: now is as good as any.
            }
        }
        return now.toString();
    }
}
