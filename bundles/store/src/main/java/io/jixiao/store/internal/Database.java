package io.jixiao.store.internal;

import io.jixiao.store.internal.mapper.AuditMapper;
import io.jixiao.store.internal.mapper.AuditRow;
import io.jixiao.store.internal.mapper.ChainHead;
import io.jixiao.store.internal.mapper.DecisionMapper;
import io.jixiao.store.internal.mapper.DecisionRow;
import io.jixiao.store.internal.mapper.HoldMapper;
import io.jixiao.store.internal.mapper.HoldRow;
import io.jixiao.store.internal.mapper.IdempotencyMapper;
import io.jixiao.store.internal.mapper.IdempotencyRow;
import java.sql.Connection;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import java.util.Map;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.JdbcType;

/**
 * Schema migration and MyBatis set-up over a {@link DataSource}, free of OSGi so that tests run it directly.
 */
public final class Database {
    /** The SQL dialects the mappers carry. */
    public static final Set<String> DATABASE_IDS = Set.of("oracle", "postgresql", "h2");
    static final String CHANGELOG = "db/jixiao-changelog.xml";

    private Database() {
    }

    /**
     * Applies the pending versioned migrations; a no-op when the schema is current.
     *
     * @param dataSource the database
     */
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            var database = liquibase.database.DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            var liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Database.class.getClassLoader()),
                    database);
            // Liquibase reports through its UI service (stdout by default); send it to the log instead.
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
        } catch (Exception e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the session factory with the mappers of this bundle.
     *
     * @param dataSource the (pooled) database
     * @param databaseId the SQL dialect to use, or blank to detect it from the driver's product name
     * @return the factory
     */
    public static UnitAwareSessions sessions(DataSource dataSource, String databaseId) {
        Configuration cfg = new Configuration(new Environment("jixiao", new StoreTransactions(), dataSource));
        cfg.setJdbcTypeForNull(JdbcType.NULL);
        cfg.setDefaultStatementTimeout(30);
        cfg.setDatabaseId(databaseId == null || databaseId.isBlank() ? detect(dataSource) : checked(databaseId));
        // Aliases registered from Class objects: the bundle's internal classes are not visible to MyBatis by name.
        cfg.getTypeAliasRegistry().registerAlias("HoldRow", HoldRow.class);
        cfg.getTypeAliasRegistry().registerAlias("AuditRow", AuditRow.class);
        cfg.getTypeAliasRegistry().registerAlias("DecisionRow", DecisionRow.class);
        cfg.getTypeAliasRegistry().registerAlias("ChainHead", ChainHead.class);
        cfg.getTypeAliasRegistry().registerAlias("IdempotencyRow", IdempotencyRow.class);
        cfg.getTypeAliasRegistry().registerAlias("GoalRow", io.jixiao.store.internal.mapper.GoalRow.class);
        cfg.getTypeAliasRegistry().registerAlias("IndicatorRow", io.jixiao.store.internal.mapper.IndicatorRow.class);
        cfg.getTypeAliasRegistry().registerAlias("AssessmentRow", io.jixiao.store.internal.mapper.AssessmentRow.class);
        cfg.getTypeAliasRegistry().registerAlias("StageReviewRow",
                io.jixiao.store.internal.mapper.StageReviewRow.class);
        cfg.getTypeAliasRegistry().registerAlias("LibraryRow", io.jixiao.store.internal.mapper.LibraryRow.class);
        cfg.getTypeAliasRegistry().registerAlias("ImportJobRow", io.jixiao.store.internal.mapper.ImportJobRow.class);
        cfg.getTypeAliasRegistry().registerAlias("ImportProblemRow",
                io.jixiao.store.internal.mapper.ImportProblemRow.class);
        cfg.getTypeAliasRegistry().registerAlias("RuleSetRow", io.jixiao.store.internal.mapper.RuleSetRow.class);
        cfg.getTypeAliasRegistry().registerAlias("BypassRow", io.jixiao.store.internal.mapper.BypassRow.class);
        cfg.getTypeAliasRegistry().registerAlias("HoldChangeRow",
                io.jixiao.store.internal.mapper.HoldChangeRow.class);
        cfg.getTypeAliasRegistry().registerAlias("RoundRow", io.jixiao.store.internal.mapper.RoundRow.class);
        cfg.getTypeAliasRegistry().registerAlias("LevelCount", io.jixiao.store.internal.mapper.LevelCount.class);
        cfg.getTypeAliasRegistry().registerAlias("ResultRow", io.jixiao.store.internal.mapper.ResultRow.class);
        cfg.getTypeAliasRegistry().registerAlias("ReportRow", io.jixiao.store.internal.mapper.ReportRow.class);
        cfg.getTypeAliasRegistry().registerAlias("DeptTotalRow", io.jixiao.store.internal.mapper.DeptTotalRow.class);
        cfg.getTypeAliasRegistry().registerAlias("EvalTaskRow", io.jixiao.store.internal.mapper.EvalTaskRow.class);
        cfg.getTypeAliasRegistry().registerAlias("EvalLineRow", io.jixiao.store.internal.mapper.EvalLineRow.class);
        cfg.getTypeAliasRegistry().registerAlias("RegionEvalRow", io.jixiao.store.internal.mapper.RegionEvalRow.class);
        cfg.getTypeAliasRegistry().registerAlias("RegionCriterionRow",
                io.jixiao.store.internal.mapper.RegionCriterionRow.class);
        cfg.getTypeAliasRegistry().registerAlias("TransferAdjustmentRow",
                io.jixiao.store.internal.mapper.TransferAdjustmentRow.class);
        cfg.getTypeAliasRegistry().registerAlias("EvalCriterionRow",
                io.jixiao.store.internal.mapper.EvalCriterionRow.class);
        cfg.getTypeAliasRegistry().registerAlias("EvalAdjustmentRow",
                io.jixiao.store.internal.mapper.EvalAdjustmentRow.class);
        cfg.getTypeAliasRegistry().registerAlias("CaseRow", io.jixiao.store.internal.mapper.CaseRow.class);
        cfg.getTypeAliasRegistry().registerAlias("ProblemRow", io.jixiao.store.internal.mapper.ProblemRow.class);
        cfg.getTypeAliasRegistry().registerAlias("StepRow", io.jixiao.store.internal.mapper.StepRow.class);
        cfg.getTypeAliasRegistry().registerAlias("ReferralRow", io.jixiao.store.internal.mapper.ReferralRow.class);
        cfg.getTypeAliasRegistry().registerAlias("OutcomeRow", io.jixiao.store.internal.mapper.OutcomeRow.class);
        cfg.addMapper(HoldMapper.class);
        cfg.addMapper(io.jixiao.store.internal.mapper.RuleSetMapper.class);
        cfg.addMapper(AuditMapper.class);
        cfg.addMapper(DecisionMapper.class);
        cfg.addMapper(IdempotencyMapper.class);
        cfg.addMapper(io.jixiao.store.internal.mapper.GoalMapper.class);
        cfg.addMapper(io.jixiao.store.internal.mapper.LibraryMapper.class);
        cfg.addMapper(io.jixiao.store.internal.mapper.MonitoringMapper.class);
        cfg.addMapper(io.jixiao.store.internal.mapper.EvaluationMapper.class);
        cfg.addMapper(io.jixiao.store.internal.mapper.RegionEvaluationMapper.class);
        cfg.addMapper(io.jixiao.store.internal.mapper.RectificationMapper.class);
        return new UnitAwareSessions(new SqlSessionFactoryBuilder().build(cfg));
    }

    /**
     * Transactions of their own on pooled connections; a session opened on a unit of work's connection leaves
     * commit, rollback and close to the unit ({@link UnitAwareSessions}).
     */
    private static final class StoreTransactions extends JdbcTransactionFactory {
        @Override
        public org.apache.ibatis.transaction.Transaction newTransaction(java.sql.Connection connection) {
            return new org.apache.ibatis.transaction.managed.ManagedTransaction(connection, false);
        }
    }

    /**
     * The SQL dialect a JDBC URL names, so that the store can be set up before the database answers.
     *
     * @param url the configured JDBC URL
     * @return the dialect, empty for a URL whose product only the driver can tell
     */
    static java.util.Optional<String> dialectOf(String url) {
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return java.util.Optional.of("h2");
        }
        if (u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:kingbase8:")) {
            return java.util.Optional.of("postgresql");
        }
        if (u.startsWith("jdbc:oracle:") || u.startsWith("jdbc:dm:")) {
            return java.util.Optional.of("oracle");
        }
        return java.util.Optional.empty();
    }

    static String detect(DataSource dataSource) {
        Properties vendors = new Properties();
        vendors.setProperty("Oracle", "oracle");
        vendors.setProperty("DM DBMS", "oracle");
        vendors.setProperty("PostgreSQL", "postgresql");
        vendors.setProperty("KingbaseES", "postgresql");
        vendors.setProperty("H2", "h2");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        String id = provider.getDatabaseId(dataSource);
        if (id == null) {
            throw new IllegalStateException("unsupported database product; set databaseId to one of " + DATABASE_IDS);
        }
        return id;
    }

    private static String checked(String databaseId) {
        if (!DATABASE_IDS.contains(databaseId)) {
            throw new IllegalArgumentException("databaseId must be one of " + DATABASE_IDS + ", got " + databaseId);
        }
        return databaseId;
    }
}
