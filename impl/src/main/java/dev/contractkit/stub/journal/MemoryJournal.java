package dev.contractkit.stub.journal;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * In memory: the newest requests the vendors received, at most {@code capacity} of them: the oldest is dropped, so
 * memory stays flat however long the stub runs (bodies are capped too, see {@link Recorded}).
 */
public final class MemoryJournal implements Journal {

    private final int capacity;
    private final ArrayDeque<Recorded> entries;

    public MemoryJournal(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("journal size must be 0 or more");
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public void add(Recorded entry) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    @Override
    public List<Recorded> find(Predicate<Recorded> filter) {
        synchronized (entries) {
            return entries.stream().filter(filter).sorted(Comparator.comparingLong(Recorded::sequence)).toList();
        }
    }

    @Override
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
