package dev.contractkit.specgate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** What the gate prints to the build log (standard out and err) while one check runs. */
final class GateLog {

    /**
     * What a library's internals look like in a log: an exception's or error's name, a stack frame, a
     * package-qualified class, a method signature. None of it is for a reader of the build log.
     */
    static final Pattern JAVA = Pattern.compile("Exception|\\bat (dev|org|java|jdk)\\.|\\bjava\\.|\\bjdk\\.|\\borg\\.[a-z]+\\."
            + "|\\bdev\\.contractkit\\.|\\b[a-z]\\w*\\.[A-Z]\\w*\\.\\w+\\(|\\w\\(\\)");

    interface Check {
        List<String> run() throws IOException;
    }

    private final ByteArrayOutputStream text = new ByteArrayOutputStream();

    List<String> during(Check check) throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(text, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            List<String> breaks = check.run();
            breaks.forEach(both::println);
            return breaks;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    String text() {
        return text.toString(StandardCharsets.UTF_8);
    }

    /** The first piece of Java in the text, or null. */
    static String javaIn(String text) {
        var m = JAVA.matcher(text);
        return m.find() ? text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 60)) : null;
    }
}
