package io.jixiao.security.internal;

import io.jixiao.security.ClientAdmission;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Requests in progress per client address and in total, each under its cap. A ticket counts until it is closed or
 * its lifetime ends, whichever comes first, so that a request whose end an adapter never saw cannot keep its place
 * for ever; expired tickets are looked for only when a cap is reached.
 */
final class Admission implements ClientAdmission {
    private final int perAddress;
    private final Map<String, Integer> addressCaps;
    private final int total;
    private final long minBodyRate;
    private final long lifetimeNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Counter> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    /** Addresses remembered before those with nothing in progress are forgotten. */
    static final int PRUNE_AT = 10_000;

    /** An address's tickets not yet closed. */
    private static final class Counter {
        final java.util.Set<Entry> open = ConcurrentHashMap.newKeySet();

        void expire(long now) {
            for (Entry e : open) {
                if (e.expires - now <= 0) {
                    e.close();
                }
            }
        }
    }

    private final class Entry implements Ticket {
        final Counter counter;
        final long expires;
        final AtomicBoolean closed = new AtomicBoolean();

        Entry(Counter counter, long expires) {
            this.counter = counter;
            this.expires = expires;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                counter.open.remove(this);
                inProgress.decrementAndGet();
            }
        }
    }

    /**
     * @param perAddress requests in progress per address, at most
     * @param addressCaps other caps of some addresses
     * @param total requests in progress of all addresses, at most
     * @param minBodyRate bytes per second a body must keep after its first second (0: no minimum)
     * @param lifetimeNanos how long a ticket counts at most
     */
    Admission(int perAddress, Map<String, Integer> addressCaps, int total, long minBodyRate, long lifetimeNanos,
            LongSupplier nanoTime) {
        this.perAddress = perAddress;
        this.addressCaps = Map.copyOf(addressCaps);
        this.total = total;
        this.minBodyRate = minBodyRate;
        this.lifetimeNanos = lifetimeNanos;
        this.nanoTime = nanoTime;
    }

    /** Parses {@code address=cap} pairs. */
    static Map<String, Integer> caps(String[] pairs) {
        Map<String, Integer> caps = new java.util.HashMap<>();
        for (String pair : pairs) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("admission.addresses takes address=cap pairs, got '" + pair + "'");
            }
            caps.put(pair.substring(0, eq).strip(), Integer.parseInt(pair.substring(eq + 1).strip()));
        }
        return caps;
    }

    @Override
    public Ticket admit(String address) {
        long now = nanoTime.getAsLong();
        if (byAddress.size() > PRUNE_AT) {
            prune();
        }
        int cap = addressCaps.getOrDefault(address, perAddress);
        while (true) {
            Counter counter = byAddress.computeIfAbsent(address, a -> new Counter());
            synchronized (counter) {
                if (byAddress.get(address) != counter) {
                    continue; // pruned meanwhile: count in the address's current counter
                }
                return admit(counter, cap, now);
            }
        }
    }

    /** Forgets the addresses with nothing in progress, so that many clients over time do not fill the memory. */
    private void prune() {
        for (Map.Entry<String, Counter> e : byAddress.entrySet()) {
            synchronized (e.getValue()) {
                if (e.getValue().open.isEmpty()) {
                    byAddress.remove(e.getKey(), e.getValue());
                }
            }
        }
    }

    /** Under the counter's lock. */
    private Ticket admit(Counter counter, int cap, long now) {
        if (counter.open.size() >= cap) {
            counter.expire(now);
            if (counter.open.size() >= cap) {
                return null;
            }
        }
        if (!takeFromTotal(now)) {
            return null;
        }
        Entry entry = new Entry(counter, now + lifetimeNanos);
        counter.open.add(entry);
        return entry;
    }

    private boolean takeFromTotal(long now) {
        if (inProgress.incrementAndGet() <= total) {
            return true;
        }
        inProgress.decrementAndGet();
        byAddress.values().forEach(c -> c.expire(now));
        if (inProgress.incrementAndGet() <= total) {
            return true;
        }
        inProgress.decrementAndGet();
        return false;
    }

    @Override
    public long minBodyBytesPerSecond() {
        return minBodyRate;
    }

    /** @return addresses remembered */
    int addresses() {
        return byAddress.size();
    }

    /** @return requests in progress, all addresses */
    int inProgress() {
        return inProgress.get();
    }
}
