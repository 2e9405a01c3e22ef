package dev.contractkit.stub.fault;

import dev.contractkit.admin.server.model.Fault;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The faults armed on a stub, in this process's memory, in arming order; the first that matches a request takes it. */
public final class MemoryFaults implements Faults {

    private final List<ArmedFault> armed = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Fault arm(Fault fault) {
        Faults.check(fault);
        fault.setId("fault-" + ids.incrementAndGet());
        armed.add(new ArmedFault(fault));
        return view(armed.get(armed.size() - 1));
    }

    @Override
    public boolean none() {
        return armed.isEmpty();
    }

    @Override
    public Optional<ArmedFault> take(String vendor, String operation) {
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

    @Override
    public List<Fault> list() {
        return armed.stream().map(MemoryFaults::view).toList();
    }

    @Override
    public boolean clear(String id) {
        return armed.removeIf(f -> f.spec.getId().equals(id));
    }

    @Override
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
