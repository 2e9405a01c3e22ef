package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line's auth options. Main.call() blocks forever once the stub starts, so only the paths that
 * fail before starting are executed; the timeout is a safety net should one of them start a stub after all.
 */
class CliAuthOptionsTest {

    private static final String SECRET = "strict-auth-test-secret-32-bytes";

    @Test
    void strictWithoutASecretIsRefused() {
        assumeTrue(System.getenv("VAYU_JWT_SECRET") == null, "$VAYU_JWT_SECRET would supply the secret");
        assertNotEquals(0, run("--auth", "strict", "--layer-token", "t", "--port", "0").exitCode());
        assertNotEquals(0, run("--auth", "strict", "--port", "0").exitCode());
    }

    @Test
    void strictWithoutALayerTokenIsRefused() {
        assumeTrue(System.getenv("LAYER_TOKENS") == null, "$LAYER_TOKENS would supply the tokens");
        assertNotEquals(0, run("--auth", "strict", "--vayu-jwt-secret", SECRET, "--port", "0").exitCode());
    }

    @Test
    void strictWithAShortSecretIsRefused() {
        assertNotEquals(0, run("--auth", "strict", "--vayu-jwt-secret", "short", "--layer-token", "t",
                "--port", "0").exitCode());
    }

    @Test
    void anUnknownModeIsRefused() {
        assertNotEquals(0, run("--auth", "lenient", "--port", "0").exitCode());
    }

    /** An embedding caller that set its own err writer gets the reason there, like picocli's own refusals. */
    @Test
    void aRefusalIsExplainedOnTheConfiguredErrWriter() {
        Run run = run("--auth", "lenient", "--port", "0");
        assertTrue(run.err().contains("--auth must be any or strict"), "err writer got: '" + run.err() + "'");
    }

    @Test
    void layerTokensMayBeCommaSeparatedAndRepeated() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--layer-token", "a,b", "--layer-token", "c");
        assertEquals(List.of("a", "b", "c"), main.layerTokens);
    }

    @Test
    void helpExitsZeroAndNamesEveryOption() {
        Run run = run("--help");
        assertEquals(0, run.exitCode(), run.err());
        assertAll(Stream.of("--host", "--port", "--data", "--auth", "--vayu-jwt-secret", "--layer-token", "--verbose")
                .map(option -> () -> assertTrue(run.out().contains(option), option + " missing from:\n" + run.out())));
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.execute(args),
                "the command started a stub instead of refusing");
        return new Run(exitCode, out.toString(), err.toString());
    }
}
