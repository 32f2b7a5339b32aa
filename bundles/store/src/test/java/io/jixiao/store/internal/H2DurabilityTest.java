package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database is opened so that a commit is on file before it is answered. */
class H2DurabilityTest {

    @TempDir
    Path dir;

    @Test
    void aFileUrlWithoutTheSettingIsOpenedWithWritesNotDelayedAndSaysSoOnce() throws SQLException {
        String configured = "jdbc:h2:" + dir.resolve("db") + ";MODE=Oracle;DB_CLOSE_ON_EXIT=FALSE";

        H2Durability.Decision decision = H2Durability.of(configured);

        assertThat(decision.url()).isEqualTo(configured + ";WRITE_DELAY=0");
        assertThat(decision.warning()).hasValueSatisfying(w -> assertThat(w).contains("WRITE_DELAY=0", "crash"));
        assertThat(writeDelayOf(decision.url())).isZero();
        assertThat(writeDelayOf("jdbc:h2:" + dir.resolve("other") + ";MODE=Oracle")).as("what H2 does without it")
                .isPositive();
    }

    @Test
    void aUrlThatAlreadySaysZeroInAnyCaseIsKeptWithoutAWarning() {
        String url = "jdbc:h2:./data/jixiao;MODE=Oracle;write_delay = 0;DB_CLOSE_ON_EXIT=FALSE";

        assertThat(H2Durability.of(url)).isEqualTo(new H2Durability.Decision(url, java.util.Optional.empty()));
    }

    @Test
    void aUrlThatDelaysWritesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> H2Durability.of("jdbc:h2:./data/jixiao;WRITE_DELAY=500"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WRITE_DELAY=500")
                .hasMessageContaining("WRITE_DELAY=0");
    }

    @Test
    void otherDatabasesAndInMemoryH2AreLeftAlone() {
        for (String url : new String[] {"jdbc:postgresql://127.0.0.1:5432/test", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
            "jdbc:oracle:thin:@//db:1521/BUDGET"}) {
            assertThat(H2Durability.of(url).url()).isEqualTo(url);
            assertThat(H2Durability.of(url).warning()).isEmpty();
        }
    }

    private static int writeDelayOf(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet r = c.createStatement().executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(r.next()).isTrue();
            return Integer.parseInt(r.getString(1));
        }
    }
}
