package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A password stored at an older PBKDF2 cost is hashed again at the current one (600,000 iterations) after a
 * successful login, and the new hash is written to the account's configuration, where the accounts live; the same
 * password logs in before, during and after, and a wrong one still does not.
 */
class PasswordRehashIT {
    private static final String ACCOUNT = "rehash01";
    private static final String SECRET = "an-old-password-1";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void anOldHashIsReplacedAtTheCurrentCostAfterALogin() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PasswordRehashIT.class).getBundleContext();
        ConfigurationAdmin cm = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        Configuration account = cm.getFactoryConfiguration("io.jixiao.security.account", ACCOUNT, "?");
        String old = hash(SECRET, 100_000);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", ACCOUNT);
        props.put("passwordHash", old);
        props.put("roles", "FINANCE");
        props.put("regions", "440100000");
        account.update(props);

        String right = basic(SECRET);
        long deadline = System.currentTimeMillis() + 20_000;
        while (!admitted(right)) {
            assertThat(System.currentTimeMillis()).as("the new account logs in").isLessThan(deadline);
            Thread.sleep(100);
        }

        String stored = old;
        deadline = System.currentTimeMillis() + 30_000;
        while (stored.equals(old)) {
            // the password keeps working while its hash is replaced
            assertThat(admitted(right)).isTrue();
            assertThat(System.currentTimeMillis()).as("the hash is replaced").isLessThan(deadline);
            Thread.sleep(200);
            Dictionary<String, Object> now = cm.getFactoryConfiguration("io.jixiao.security.account", ACCOUNT, "?")
                    .getProperties();
            stored = String.valueOf(now.get("passwordHash"));
        }
        assertThat(stored).startsWith("pbkdf2-sha256$600000$").isNotEqualTo(old);
        assertThat(admitted(right)).as("the same password against the new hash").isTrue();
        assertThat(Jixiao.get(Jixiao.REST + "/holds/1", "Authorization", basic("not-it")).statusCode())
                .isEqualTo(401);
        account.delete();
    }

    /** Logged in: the hold is found or not, but neither 401 nor 403. */
    private static boolean admitted(String authorization) throws Exception {
        int status = Jixiao.get(Jixiao.REST + "/holds/1", "Authorization", authorization).statusCode();
        return status == 200 || status == 404;
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The stored form the security bundle reads, at a chosen cost (its own tool writes only the current one). */
    private static String hash(String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derived);
    }
}
