package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.Configuration;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.InjectConfiguration;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;
import org.osgi.test.junit5.cm.ConfigurationExtension;

/**
 * A password stored at an older PBKDF2 cost is hashed again at the current one (600,000 iterations) after a
 * successful login, and the new hash is written to the account's configuration, where the accounts live; the same
 * password logs in before, during and after, and a wrong one still does not. The account is made for the test and
 * removed after it (osgi-test's configuration support).
 */
@ExtendWith(ConfigurationExtension.class)
class PasswordRehashIT {
    private static final String ACCOUNT = "rehash01";
    private static final String SECRET = "an-old-password-1";
    /** SECRET at 100,000 iterations with the salt 00 01 … 0f: a cost below the one Jixiao re-hashes to. */
    private static final String OLD = "pbkdf2-sha256$100000$AAECAwQFBgcICQoLDA0ODw==$6LUO60DvNjSLfFStC3aoMdfDDHrzdB+tcXgLaF6cd5Q=";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    @WithFactoryConfiguration(factoryPid = "io.jixiao.security.account", name = ACCOUNT, location = "?",
            properties = {@Property(key = "name", value = ACCOUNT), @Property(key = "passwordHash", value = OLD),
                @Property(key = "roles", value = "FINANCE"), @Property(key = "regions", value = "440100000")})
    void anOldHashIsReplacedAtTheCurrentCostAfterALogin(
            @InjectConfiguration("io.jixiao.security.account~" + ACCOUNT) Configuration account)
            throws Exception {
        String right = basic(SECRET);
        long deadline = System.currentTimeMillis() + 20_000;
        while (!admitted(right)) {
            assertThat(System.currentTimeMillis()).as("the new account logs in").isLessThan(deadline);
            Thread.sleep(100);
        }

        String stored = OLD;
        deadline = System.currentTimeMillis() + 30_000;
        while (stored.equals(OLD)) {
            // the password keeps working while its hash is replaced
            assertThat(admitted(right)).isTrue();
            assertThat(System.currentTimeMillis()).as("the hash is replaced").isLessThan(deadline);
            Thread.sleep(200);
            stored = String.valueOf(account.getProperties().get("passwordHash"));
        }
        assertThat(stored).startsWith("pbkdf2-sha256$600000$").isNotEqualTo(OLD);
        assertThat(admitted(right)).as("the same password against the new hash").isTrue();
        assertThat(Jixiao.get(Jixiao.REST + "/holds/1", "Authorization", basic("not-it")).statusCode())
                .isEqualTo(401);
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
}
