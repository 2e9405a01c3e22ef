package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.store.JdbcStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --store and its credentials: a store that is not PostgreSQL is refused, and no password is ever printed. */
class CliStoreOptionsTest {

    /** Nothing listens on port 1 of 127.0.0.1: the connection is refused at once. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/sandbox";

    @Test
    void aStoreThatIsNeitherMemoryNorPostgresIsRefused() {
        StringWriter err = new StringWriter();
        int exitCode = run(err, "--store", "jdbc:mysql://127.0.0.1/sandbox", "--port", "0");
        assertNotEquals(0, exitCode);
        assertTrue(err.toString().contains("--store must be memory or a jdbc:postgresql:// URL"), err.toString());
    }

    @Test
    void aDatabaseThatCannotBeReachedStopsTheStartNamingItButNeverThePassword() {
        StringWriter fromUrl = new StringWriter();
        StringWriter fromOption = new StringWriter();

        assertNotEquals(0, run(fromUrl, "--store", NOWHERE + "?user=sandbox&password=hunter2-url", "--port", "0"));
        assertNotEquals(0, run(fromOption, "--store", NOWHERE, "--store-user", "sandbox",
                "--store-password", "hunter2-option", "--port", "0"));

        for (StringWriter err : new StringWriter[] {fromUrl, fromOption}) {
            assertTrue(err.toString().contains("cannot connect to the store " + NOWHERE + " as sandbox"), err.toString());
            assertFalse(err.toString().contains("hunter2"), "a password was printed:\n" + err);
        }
    }

    @Test
    void aPasswordInTheUrlIsTakenOutOfItAndTheOptionsWin() {
        JdbcStore inUrl = JdbcStore.of(NOWHERE + "?ssl=false&password=p%40ss&user=u", null, null);
        JdbcStore given = JdbcStore.of(NOWHERE + "?password=url-one", "v", "option-one");

        assertEquals(NOWHERE + "?ssl=false", inUrl.url());
        assertEquals("u", inUrl.user());
        assertEquals("p@ss", inUrl.password());
        assertEquals(NOWHERE, given.url());
        assertEquals("option-one", given.password());
        assertFalse(inUrl.toString().contains("p@ss") || given.toString().contains("one"));
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.execute(args),
                "the command started a stub instead of refusing");
    }
}
