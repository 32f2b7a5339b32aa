package io.jixiao.monitoring.internal;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.MyBatisStore;
import java.math.BigDecimal;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** A migrated in-memory database and the values the tests share. */
final class Fixture {
    static final MofDivCode REGION = MofDivCode.of("440100000");
    static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    static final Actor HOST = Actor.of("PAY-MODULE", "zhang", Role.HOST_SYSTEM);
    static final Actor UNIT = Actor.of("UNIT-PORTAL", "wang", Role.UNIT);

    private Fixture() {
    }

    static MyBatisStore store() {
        return new MyBatisStore(sessions());
    }

    static org.apache.ibatis.session.SqlSessionFactory sessions() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        return Database.sessions(ds, "");
    }

    static PaymentApplication payment(int year, String no, String proCode, String bgtId, ExpenditureKind kind) {
        return new PaymentApplication(REGION, FiscalYear.of(year), PayAppNo.of(no), AgencyCode.of("101001"),
                proCode == null ? null : ProCode.of(proCode), BgtId.of(bgtId),
                Money.positive("PAY_APP_AMT", new BigDecimal("5000.00")), kind);
    }
}
