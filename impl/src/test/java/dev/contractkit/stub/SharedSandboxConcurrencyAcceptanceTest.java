package dev.contractkit.stub;

import dev.contractkit.stub.support.LostUpdates;
import dev.contractkit.stub.support.SharedSandbox;
import dev.contractkit.stub.support.UpdateTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sixteen writers, each owning a field of the same customer, 500 updates each, split over two replicas on one
 * database: every answer shows no other writer's field gone backwards and the stored customer every writer's last
 * round (see {@link LostUpdates}), which holds only while the scope's lock in the database serializes the replicas'
 * read-modify-writes.
 */
class SharedSandboxConcurrencyAcceptanceTest {

    private static final int ROUNDS = 500;
    private static final Duration LIMIT = Duration.ofMinutes(4);

    private static final SharedSandbox sandbox = new SharedSandbox();
    private static StubServer a;
    private static StubServer b;

    @BeforeAll
    static void start() {
        a = sandbox.replica(StubServer.builder().journalSize(0));
        b = sandbox.replica(StubServer.builder().journalSize(0));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void sixteenVayuWritersOnTwoReplicasLoseNoUpdate() throws Exception {
        assertNoUpdateIsLost(Vendor.VAYU, 16);
    }

    @Test
    void nineLayerWritersOnTwoReplicasLoseNoUpdate() throws Exception {
        assertNoUpdateIsLost(Vendor.LAYER, 9);
    }

    private static void assertNoUpdateIsLost(Vendor vendor, int writers) throws Exception {
        List<String> fields = LostUpdates.writerFields(vendor, writers);
        LostUpdates.Progress progress = LostUpdates.progress(
                List.of(new UpdateTarget(a, vendor), new UpdateTarget(b, vendor)), fields, ROUNDS);
        LostUpdates.inParallel(fields.size(), LIMIT, writer -> {
            for (int round = 0; round < ROUNDS; round++) {
                progress.write(writer, round);
            }
        });
        progress.assertStoredHoldsEveryWritersRound(ROUNDS - 1);
    }
}
