package dev.contractkit.stub.pipeline;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made by the first caller that asks for it and then kept: what a start need not pay for when no
 * request may ever use it (the admin API's Jersey application). Callers that ask while it is being made wait
 * for it; a making that fails is tried again by the next caller.
 */
public final class OnFirstUse<T> implements Supplier<T> {

    private final Supplier<T> make;
    private volatile T value;

    public OnFirstUse(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(make.get(), "made nothing");
                    value = made;
                }
            }
        }
        return made;
    }
}
