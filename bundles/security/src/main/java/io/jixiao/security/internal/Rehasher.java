package io.jixiao.security.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings stored password hashes to the current cost: after a successful login whose account's hash has fewer PBKDF2
 * iterations than configured, the password is hashed again at {@link PasswordHash#DEFAULT_ITERATIONS} on a
 * background thread (the login does not wait for a second derivation) and the new hash is written where the account
 * lives: the {@code passwordHash} line of its {@code .cfg} file, which File Install then applies, or its
 * configuration when it has no file. The account changes in place ({@link Account#modified}); a hash changed by
 * someone meanwhile is left as it is.
 */
final class Rehasher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rehasher.class);
    /** The property File Install gives a configuration it made from a file: the file's URL. */
    private static final String FILE_INSTALL_FILE = "felix.fileinstall.filename";
    private static final Pattern HASH_LINE = Pattern.compile("(\\s*passwordHash\\s*[=:]\\s*)(.*)");

    private final ConfigurationAdmin admin;
    private final int below;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jixiao-rehash");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param admin where the accounts' configurations are
     * @param below hashes with fewer iterations are re-hashed; 0 never
     */
    Rehasher(ConfigurationAdmin admin, int below) {
        this.admin = admin;
        this.below = Math.min(Math.max(0, below), PasswordHash.DEFAULT_ITERATIONS);
    }

    /** @return whether a stored hash is due for re-hashing */
    boolean due(String stored) {
        int iterations = PasswordHash.iterations(stored);
        return iterations > 0 && iterations < below;
    }

    /**
     * After a successful login: re-hashes the account's password in the background if its hash is due.
     *
     * @param account the account that logged in
     * @param password the password it logged in with, verified
     */
    void offer(Account account, String password) {
        if (account == null) {
            return; // verified against an account that came after the lookup: its next login offers it
        }
        String stored = account.passwordHash();
        if (!due(stored) || !pending.add(account.name())) {
            return;
        }
        String name = account.name();
        char[] secret = password.toCharArray();
        try {
            worker.execute(() -> {
                try {
                    rehash(name, stored, secret);
                } finally {
                    Arrays.fill(secret, '\0');
                    pending.remove(name);
                }
            });
        } catch (RejectedExecutionException closed) {
            Arrays.fill(secret, '\0');
            pending.remove(name);
        }
    }

    private void rehash(String name, String stored, char[] password) {
        String fresh = PasswordHash.hash(password);
        try {
            Configuration[] found = admin.listConfigurations("(&(service.factoryPid=" + Account.PID + ")(name="
                    + ldap(name) + "))");
            if (found == null || found.length != 1) {
                LOG.info("Account {}: password not re-hashed, {} configurations name it", name,
                        found == null ? 0 : found.length);
                return;
            }
            Dictionary<String, Object> properties = found[0].getProperties();
            if (properties == null || !stored.equals(properties.get("passwordHash"))) {
                return; // changed meanwhile: the newer hash stands
            }
            Object file = properties.get(FILE_INSTALL_FILE);
            String where;
            if (file != null) {
                Path path = Path.of(URI.create(file.toString()));
                if (!rewrite(path, stored, fresh)) {
                    LOG.info("Account {}: password not re-hashed, {} has no passwordHash line with the hash in force",
                            name, path);
                    return;
                }
                where = path.toString(); // File Install applies the changed file within its poll
            } else {
                properties.put("passwordHash", fresh);
                found[0].update(properties);
                where = "its configuration";
            }
            LOG.info("Account {}: password re-hashed at {} PBKDF2 iterations (was {}); the new hash is in {}", name,
                    PasswordHash.DEFAULT_ITERATIONS, PasswordHash.iterations(stored), where);
        } catch (IOException | InvalidSyntaxException | IllegalStateException | IllegalArgumentException e) {
            LOG.warn("Account {}: the re-hashed password could not be written ({}); tried again at its next login",
                    name, e.toString());
        }
    }

    /**
     * Replaces the value of the {@code passwordHash} line that holds the hash in force, leaving every other line as
     * it was, by writing the whole file beside it and renaming it over the old one (a reader never sees half a file).
     *
     * @return whether the line was found and replaced
     */
    static boolean rewrite(Path file, String stored, String fresh) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean replaced = false;
        for (int i = 0; i < lines.size() && !replaced; i++) {
            Matcher m = HASH_LINE.matcher(lines.get(i));
            if (m.matches() && m.group(2).trim().equals(stored)) {
                lines.set(i, m.group(1) + fresh);
                replaced = true;
            }
        }
        if (!replaced) {
            return false;
        }
        // a name File Install's filter (*.cfg) does not take for a configuration of its own
        Path next = file.resolveSibling("." + file.getFileName() + ".rehash");
        Files.write(next, lines, StandardCharsets.UTF_8);
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    /** Escapes a value for an LDAP filter (RFC 4515). */
    static String ldap(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
