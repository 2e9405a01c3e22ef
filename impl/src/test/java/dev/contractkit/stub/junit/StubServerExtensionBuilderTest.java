package dev.contractkit.stub.junit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** build() refuses a bad option at once, where it is written, rather than when a server starts. */
class StubServerExtensionBuilderTest {

    static Stream<Named<UnaryOperator<StubServerExtension.Builder>>> badOptions() {
        return Stream.of(
                Named.of("rate limit of an unknown vendor", b -> b.rateLimits("stripe=10")),
                Named.of("rate limit that is not a number", b -> b.rateLimits("layer=fast")),
                Named.of("rate limit of zero", b -> b.rateLimits("layer=0")),
                Named.of("negative journal size", b -> b.journalSize(-1)),
                Named.of("port above 65535", b -> b.port(70000)),
                Named.of("missing data file", b -> b.data(Path.of("no/such/data.json"))),
                Named.of("JWT secret under 32 bytes", b -> b.strictAuth("short", List.of("token"))),
                Named.of("no Layer token", b -> b.strictAuth("a-secret-of-at-least-thirty-two-bytes", List.of())),
                Named.of("blank admin token", b -> b.adminToken(" ")),
                Named.of("store that is not a PostgreSQL URL", b -> b.store("jdbc:mysql://localhost/sandbox", null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void buildRefuses(UnaryOperator<StubServerExtension.Builder> badOption) {
        StubServerExtension.Builder builder = badOption.apply(StubServerExtension.newInstance());

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void buildAcceptsGoodOptions() {
        assertDoesNotThrow(() -> StubServerExtension.newInstance().port(0).journalSize(0)
                .rateLimits("layer=10:5,vayu=500").data(Path.of("src/test/resources/two-of-each.json"))
                .strictAuth("a-secret-of-at-least-thirty-two-bytes", List.of("token")).build());
    }

    @Test
    void noServerBeforeATestRuns() {
        var unstarted = StubServerExtension.newInstance().build();

        var refused = assertThrows(IllegalStateException.class, unstarted::server);
        assertTrue(refused.getMessage().contains("not running"), refused.getMessage());
    }
}
