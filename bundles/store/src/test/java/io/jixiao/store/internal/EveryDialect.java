package io.jixiao.store.internal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the store tests that run on every dialect: each test database migrated once per class, with a
 * store over it; parameterise tests with {@code @MethodSource("databases")}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EveryDialect {
    private final List<TestDatabase> databases = TestDatabase.all();
    private final List<Repositories> stores = new ArrayList<>();

    @BeforeAll
    void migrate() {
        for (TestDatabase db : databases) {
            Database.migrate(db.dataSource());
            stores.add(Repositories.over(Database.sessions(db.dataSource(), db.databaseId())));
        }
    }

    @AfterAll
    void drop() throws Exception {
        for (TestDatabase db : databases) {
            db.cleanup().close();
        }
    }

    List<TestDatabase> databases() {
        return databases;
    }

    Repositories store(TestDatabase db) {
        return stores.get(databases.indexOf(db));
    }
}
