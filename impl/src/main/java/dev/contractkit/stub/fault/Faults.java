package dev.contractkit.stub.fault;

import dev.contractkit.admin.server.model.Fault;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.error.Violation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The faults armed on a stub, in arming order; the first that matches a request takes it. */
public final class Faults {

    private final List<ArmedFault> armed = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** Arms a fault after checking what its schema cannot say (which fields each kind needs). */
    public Fault arm(Fault fault) {
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
        fault.setId("fault-" + ids.incrementAndGet());
        armed.add(new ArmedFault(fault));
        return view(armed.get(armed.size() - 1));
    }

    /** True when no fault is armed: then a request need not be routed to find one. */
    boolean none() {
        return armed.isEmpty();
    }

    /** The fault that applies to this request, if any, with one of its uses taken. */
    Optional<ArmedFault> take(String vendor, String operation) {
        for (ArmedFault fault : armed) {
            if (fault.matches(vendor, operation) && fault.take()) {
                if (fault.spent()) {
                    armed.remove(fault);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public List<Fault> list() {
        return armed.stream().map(Faults::view).toList();
    }

    public boolean clear(String id) {
        return armed.removeIf(f -> f.spec.getId().equals(id));
    }

    public void clear() {
        armed.clear();
    }

    private static Fault view(ArmedFault fault) {
        Fault spec = fault.spec;
        return new Fault().id(spec.getId()).vendor(spec.getVendor()).operation(spec.getOperation())
                .kind(spec.getKind()).status(spec.getStatus()).retryAfterSeconds(spec.getRetryAfterSeconds())
                .delayMs(spec.getDelayMs()).delayMaxMs(spec.getDelayMaxMs()).seed(spec.getSeed())
                .times(spec.getTimes()).remaining(fault.remaining());
    }
}
