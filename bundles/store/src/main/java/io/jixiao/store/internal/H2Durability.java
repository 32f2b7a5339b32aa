package io.jixiao.store.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Makes an embedded H2 database durable on commit. H2 keeps committed transactions in memory for up to
 * {@code WRITE_DELAY} milliseconds (500 by default) before it writes them to its file, so a JVM killed in that window
 * loses writes that were already answered to a caller. With {@code WRITE_DELAY=0} every commit reaches the file (the
 * operating system's page cache) before it returns, and survives the JVM dying. In-memory databases have nothing to
 * keep and are left as they are.
 */
final class H2Durability {
    static final String SETTING = "WRITE_DELAY";

    private H2Durability() {
    }

    /** What the store does with a configured URL. */
    record Decision(String url, Optional<String> warning) {
    }

    /**
     * @param url the configured JDBC URL
     * @return the URL to open (the configured one, or with {@code ;WRITE_DELAY=0} appended) and, when it was
     *         corrected, the warning to log once
     * @throws IllegalArgumentException when the URL asks H2 to delay writes
     */
    static Decision of(String url) {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length()) || inMemory(url)) {
            return new Decision(url, Optional.empty());
        }
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String name = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            if (SETTING.equals(name)) {
                String value = eq < 0 ? "" : parts[i].substring(eq + 1).strip();
                if (!"0".equals(value)) {
                    throw new IllegalArgumentException("io.jixiao.store url sets " + SETTING + "=" + value
                            + ": H2 would keep committed writes in memory that long and a crash would lose answered "
                            + "holds, releases and approvals. Remove the setting or set " + SETTING + "=0");
                }
                return new Decision(url, Optional.empty());
            }
        }
        String corrected = url + ";" + SETTING + "=0";
        return new Decision(corrected, Optional.of("io.jixiao.store url has no " + SETTING + "=0: H2 would keep "
                + "committed writes in memory for up to 0.5 s and a crash would lose answered writes. Opening it with "
                + SETTING + "=0; add ;" + SETTING + "=0 to the url in io.jixiao.store.cfg to silence this warning"));
    }

    private static boolean inMemory(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:mem:");
    }
}
