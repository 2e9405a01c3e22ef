package dev.contractkit.stub.fault;

import dev.contractkit.admin.server.model.Fault;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import java.util.List;
import java.util.Optional;

/**
 * The faults armed on a stub, in arming order; the first that matches a request takes it. In this process's
 * memory, or in the shared sandbox's database, where a fault armed on one replica fires on whichever replica gets
 * the request and its {@code times} counts uses on all of them.
 */
public interface Faults {

    /** Arms a fault (after {@link #check}): answered with its id and uses left. */
    Fault arm(Fault fault);

    /** True when surely no fault is armed: then a request need not be routed to find one. */
    boolean none();

    /** The fault that applies to this request, if any, with one of its uses taken. */
    Optional<ArmedFault> take(String vendor, String operation);

    List<Fault> list();

    boolean clear(String id);

    void clear();

    /** What a fault's schema cannot say: which fields each kind needs. */
    static void check(Fault fault) {
        String missing = switch (fault.getKind()) {
            case STATUS -> fault.getStatus() == null ? "status" : null;
            case DELAY -> fault.getDelayMs() == null ? "delayMs" : null;
            case DROP -> null;
        };
        if (missing != null) {
            throw new StubException(ErrorKind.INVALID_REQUEST, "invalid fault",
                    List.of(new Violation(missing, "is required for kind " + fault.getKind(), true)));
        }
        if (fault.getDelayMaxMs() != null && fault.getDelayMs() != null && fault.getDelayMaxMs() < fault.getDelayMs()) {
            throw new StubException(ErrorKind.INVALID_REQUEST, "invalid fault",
                    List.of(new Violation("delayMaxMs", "must not be less than delayMs", false)));
        }
    }
}
