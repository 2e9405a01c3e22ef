package dev.contractkit.contract;

import com.github.curiousoddman.rgxgen.RgxGen;
import java.util.Random;
import java.util.function.Predicate;

/** Text that fits a regular expression, the same on every run (a fixed seed). */
final class PatternSamples {

    private static final int TRIES = 50;
    /** Characters a path segment or query value carries unencoded: preferred, so a sample reads plainly. */
    private static final Predicate<String> PLAIN = text -> text.matches("[A-Za-z0-9._~+-]*");

    private PatternSamples() {
    }

    /** A string the pattern finds a match in, preferring one of plain characters; null when none is made. */
    static String fitting(String pattern, Predicate<String> valid) {
        RgxGen generator;
        try {
            generator = new RgxGen(pattern);
        } catch (RuntimeException unsupported) {
            return null;
        }
        Random random = new Random(0);
        String fallback = null;
        for (int i = 0; i < TRIES; i++) {
            String text = generator.generate(random);
            if (valid.test(text)) {
                if (PLAIN.test(text)) {
                    return text;
                }
                fallback = fallback == null ? text : fallback;
            }
        }
        return fallback;
    }
}
