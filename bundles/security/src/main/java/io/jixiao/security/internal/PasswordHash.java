package io.jixiao.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Stored credentials: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash Base64), PBKDF2 with
 * HMAC-SHA256 from the JDK. Run {@code main} to hash a password for an account file.
 */
public final class PasswordHash {
    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's Password Storage Cheat Sheet (2023–): 600,000 iterations for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private PasswordHash() {
    }

    /**
     * Prints the stored form of the password given as the only argument (or read from the console).
     *
     * @param args the password, or nothing to be asked for it
     */
    public static void main(String[] args) {
        char[] password = args.length == 1 ? args[0].toCharArray()
                : System.console() != null ? System.console().readPassword("Password: ") : null;
        if (password == null || password.length == 0) {
            System.err.println("usage: java -cp security.jar io.jixiao.security.internal.PasswordHash <password>");
            System.exit(2);
        }
        System.out.println(hash(password));
    }

    static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return SCHEME + "$" + DEFAULT_ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, DEFAULT_ITERATIONS));
    }

    /**
     * @param password the password as sent
     * @param stored the stored form
     * @return whether they match; constant time in the password
     * @throws IllegalArgumentException if the stored form is malformed
     */
    static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("stored credential is not " + SCHEME + "$iterations$salt$hash");
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password.toCharArray(), Base64.getDecoder().decode(parts[2]),
                Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * @param stored a stored form
     * @return its PBKDF2 iteration count, or 0 if it is malformed
     */
    static int iterations(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            return parts.length == 4 && parts[0].equals(SCHEME) ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, HASH_BITS)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every Java runtime", e);
        }
    }
}
