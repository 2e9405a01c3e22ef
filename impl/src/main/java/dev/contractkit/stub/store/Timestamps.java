package dev.contractkit.stub.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** ISO-8601 instants in milliseconds, as the vendors write them. */
public final class Timestamps {

    /** The last timestamp {@link #after} wrote: an update's previous updatedAt is most often that one. */
    private record Written(String text, Instant instant) {
    }

    private static volatile Written last = new Written("", Instant.EPOCH);

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
                Written written = last;
                Instant before = previous.equals(written.text()) ? written.instant() : Instant.parse(previous);
                if (!now.isAfter(before)) {
                    now = before.plusMillis(1).truncatedTo(ChronoUnit.MILLIS);
                }
            } catch (RuntimeException unparsable) {
                // A seeded value in another ISO form: now is as good as any.
            }
        }
        String text = now.toString();
        last = new Written(text, now);
        return text;
    }
}
