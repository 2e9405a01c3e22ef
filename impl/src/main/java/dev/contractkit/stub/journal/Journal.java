package dev.contractkit.stub.journal;

import java.util.List;
import java.util.function.Predicate;

/**
 * The newest requests the vendors received, a bounded number of them (--journal-size): in this process's memory,
 * or in the shared sandbox's database, where every replica's requests are journalled together.
 */
public interface Journal {

    void add(Recorded entry);

    /** Matching entries in arrival order. */
    List<Recorded> find(Predicate<Recorded> filter);

    void clear();
}
