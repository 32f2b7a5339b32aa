package io.jixiao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which hashes are re-hashed, and how an account file gets its new one. */
class RehasherTest {
    @TempDir
    Path dir;

    @Test
    void hashesBelowTheConfiguredCostAreDueOthersNot() {
        Rehasher rehasher = new Rehasher(null, 600_000);
        assertThat(rehasher.due("pbkdf2-sha256$120000$c2FsdA==$aGFzaA==")).isTrue();
        assertThat(rehasher.due("pbkdf2-sha256$600000$c2FsdA==$aGFzaA==")).isFalse();
        assertThat(rehasher.due("pbkdf2-sha256$x$c2FsdA==$aGFzaA==")).as("malformed").isFalse();
        assertThat(new Rehasher(null, 0).due("pbkdf2-sha256$120000$c2FsdA==$aGFzaA==")).as("switched off").isFalse();
        assertThat(new Rehasher(null, 110_000).due("pbkdf2-sha256$120000$c2FsdA==$aGFzaA==")).isFalse();
        rehasher.close();
    }

    @Test
    void onlyThePasswordHashLineOfTheFileChanges() throws Exception {
        Path file = dir.resolve("io.jixiao.security.account-finance01.cfg");
        String old = "pbkdf2-sha256$120000$c2FsdA==$aGFzaA==";
        Files.writeString(file, "# 演示账户 (password: jixiao-demo)\nname = finance01\npasswordHash = " + old
                + "\nroles = FINANCE\nregions = 440100000\n", StandardCharsets.UTF_8);
        assertThat(Rehasher.rewrite(file, "pbkdf2-sha256$120000$other$hash", "new")).as("another hash").isFalse();
        assertThat(Rehasher.rewrite(file, old, "pbkdf2-sha256$600000$bmV3$bmV3")).isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("# 演示账户 (password: jixiao-demo)\n"
                + "name = finance01\npasswordHash = pbkdf2-sha256$600000$bmV3$bmV3\nroles = FINANCE\n"
                + "regions = 440100000\n");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }
}
