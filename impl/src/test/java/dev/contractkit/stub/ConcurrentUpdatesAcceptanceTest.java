package dev.contractkit.stub;

import dev.contractkit.stub.support.LostUpdates;
import dev.contractkit.stub.support.UpdateTarget;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.contractkit.stub.store.ReadersHeldTogether;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many clients updating the same customer at once, over real HTTP, each writer owning its own request fields, so
 * no update may be lost to another's read-modify-write. The fields come from the spec: every request property that
 * can carry a value unique to a writer and a round ("t3-499" in a string, 3499 in a number, inside an array or an
 * object); enums, patterned strings and booleans cannot, and are left out.
 * <p>
 * Two phases. First, forced rounds: every writer sends one update at once and the store's test probe
 * ({@link ReadersHeldTogether}) holds each reader until all others have read too or wait for the scope's lock, so
 * without the lock all of them read the same customer and all but one update are lost, every run. Then free
 * rounds, as many clients would send them. After every forced round the stored customer shows every writer's
 * round, and in every answer no writer's field goes backwards: it shows each other writer's field at least at the
 * round that writer had been answered before the request was sent, and at least at the round this writer saw in
 * an earlier answer.
 */
class ConcurrentUpdatesAcceptanceTest {

    private static final int FORCED_ROUNDS = 3;
    private static final int FREE_ROUNDS = 300;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static StubServer stub;

    @BeforeAll
    static void start() {
        stub = StubServer.builder().start();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    /** Vayu's request has 21 properties, 17 of which can carry a marker: one writer each for 16 of them. */
    @Test
    void sixteenVayuWritersOfTheirOwnFieldsLoseNoUpdate() throws Exception {
        assertNoUpdateIsLost(Vendor.VAYU, 16);
    }

    /** Layer's request has only 9 properties (8 strings and tags), so at most 9 writers can own one each. */
    @Test
    void nineLayerWritersOfTheirOwnFieldsLoseNoUpdate() throws Exception {
        assertNoUpdateIsLost(Vendor.LAYER, 9);
    }

    private static void assertNoUpdateIsLost(Vendor vendor, int writers) throws Exception {
        UpdateTarget target = new UpdateTarget(stub, vendor);
        List<String> fields = LostUpdates.writerFields(vendor, writers);
        int count = fields.size();
        LostUpdates.Progress progress = LostUpdates.progress(List.of(target), fields, FORCED_ROUNDS + FREE_ROUNDS);

        ReadersHeldTogether held = ReadersHeldTogether.install(stub.state().vendor(vendor).store(),
                target.collection(), target.scope());
        try {
            for (int round = 0; round < FORCED_ROUNDS; round++) {
                int thisRound = round;
                held.arm(count);
                LostUpdates.inParallel(count, LIMIT, writer -> progress.write(writer, thisRound));
                held.disarm();
                assertNull(held.problem(), vendor + " round " + round + " could not be forced: " + held.problem());
                progress.assertStoredHoldsEveryWritersRound(round);
            }
        } finally {
            held.uninstall();
        }
        LostUpdates.inParallel(count, LIMIT, writer -> {
            for (int round = FORCED_ROUNDS; round < FORCED_ROUNDS + FREE_ROUNDS; round++) {
                progress.write(writer, round);
            }
        });
        progress.assertStoredHoldsEveryWritersRound(FORCED_ROUNDS + FREE_ROUNDS - 1);
    }
}
