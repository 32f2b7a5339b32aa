package io.jixiao.guard.internal;

import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldTarget;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active holds in memory, keyed by target, so that the payment guard decides with two hash lookups.
 * Written only after the database committed; readers never lock.
 */
public final class HoldIndex {
    private static final Hold[] NONE = new Hold[0];

    private final ConcurrentHashMap<Key, Hold[]> active = new ConcurrentHashMap<>();

    /** Index key: target type, region and the held code. */
    record Key(HoldTarget.Type type, String mofDivCode, String code) {
        static Key of(HoldTarget target) {
            return new Key(target.type(), target.mofDivCode().value(), target.code());
        }
    }

    /**
     * @param hold an active hold, already committed
     */
    public void add(Hold hold) {
        if (!hold.isActive()) {
            throw new IllegalArgumentException("only active holds are indexed");
        }
        active.compute(Key.of(hold.target()), (k, holds) -> {
            if (holds == null) {
                return new Hold[] {hold};
            }
            for (Hold h : holds) {
                if (h.holdId() == hold.holdId()) {
                    return holds;
                }
            }
            Hold[] grown = Arrays.copyOf(holds, holds.length + 1);
            grown[holds.length] = hold;
            return grown;
        });
    }

    /**
     * @param target the released hold's target
     * @param holdId the released hold
     */
    public void remove(HoldTarget target, long holdId) {
        active.computeIfPresent(Key.of(target), (k, holds) -> {
            Hold[] kept = Arrays.stream(holds).filter(h -> h.holdId() != holdId).toArray(Hold[]::new);
            return kept.length == 0 ? null : kept;
        });
    }

    /**
     * @param type target type
     * @param mofDivCode region
     * @param code project code or budget line id
     * @return the active holds on that target, possibly empty; never modify the array
     */
    public Hold[] get(HoldTarget.Type type, String mofDivCode, String code) {
        Hold[] holds = active.get(new Key(type, mofDivCode, code));
        return holds == null ? NONE : holds;
    }

    /**
     * @return the number of targets with at least one active hold
     */
    public int targets() {
        return active.size();
    }

    /**
     * @param hold a hold
     * @return whether exactly this hold is indexed
     */
    public boolean contains(Hold hold) {
        for (Hold h : get(hold.target().type(), hold.target().mofDivCode().value(), hold.target().code())) {
            if (h.holdId() == hold.holdId()) {
                return true;
            }
        }
        return false;
    }

    /** @return every indexed hold (a snapshot) */
    public java.util.List<Hold> all() {
        java.util.List<Hold> all = new java.util.ArrayList<>();
        active.values().forEach(holds -> all.addAll(Arrays.asList(holds)));
        return all;
    }
}
