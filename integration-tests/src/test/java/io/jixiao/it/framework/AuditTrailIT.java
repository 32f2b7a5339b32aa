package io.jixiao.it.framework;

import static io.jixiao.it.framework.Jixiao.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** The audit trail inside Felix: chained on every write, verifiable over REST, append-only in H2 itself. */
@ExtendWith(ServiceExtension.class)
class AuditTrailIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectService(filter = "(osgi.jdbc.driver.class=org.h2.Driver)", timeout = 60_000)
    DataSourceFactory h2;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void writesAreChainedAndVerifiable() throws Exception {
        assertThat(postJson("/holds", "{\"MOF_DIV_CODE\":\"120000000\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"TJ-1\","
                + "\"HOLD_KIND\":\"STOP\",\"REASON\":\"超概算\",\"CALLER_SYSTEM\":\"UI\",\"OPERATOR\":\"li\","
                + "\"OPERATOR_ROLE\":\"FINANCE\"}").statusCode()).isEqualTo(201);
        assertThat(postJson("/payment-guard/checks", Jixiao.checkJson("TJ-PAY-1", "TJ-1", "B-1", "1", "PROJECT")
                .replace("440100000", "120000000")).body()).contains("HOLD");

        JsonNode v = JSON.readTree(postJson("/audit/verifications", "{\"MOF_DIV_CODE\":\"120000000\","
                + "\"CALLER_SYSTEM\":\"AUDIT-PORTAL\",\"OPERATOR\":\"auditor1\",\"OPERATOR_ROLE\":\"AUDITOR\"}").body());
        assertThat(v.get("INTACT").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("ROWS_CHECKED").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyAuditorsAndFinanceVerify() throws Exception {
        var response = postJson("/audit/verifications", "{\"MOF_DIV_CODE\":\"120000000\",\"CALLER_SYSTEM\":\"UNIT\","
                + "\"OPERATOR\":\"wang\",\"OPERATOR_ROLE\":\"UNIT\"}");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void h2RefusesToRewriteTheTrailInsideFelix() throws Exception {
        assertThat(postJson("/holds", "{\"MOF_DIV_CODE\":\"120000000\",\"TARGET_TYPE\":\"PROJECT\","
                + "\"PRO_CODE\":\"TJ-2\",\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"a row to protect\","
                + "\"CALLER_SYSTEM\":\"UI\",\"OPERATOR\":\"li\",\"OPERATOR_ROLE\":\"FINANCE\"}").statusCode())
                .isEqualTo(201);
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, Jixiao.jdbcUrl());
        props.setProperty(DataSourceFactory.JDBC_USER, "sa");
        try (Connection c = h2.createDataSource(props).getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE JX_AUDIT SET REASON = 'rewritten'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM JX_AUDIT")).hasMessageContaining("append-only");
        }
    }
}
