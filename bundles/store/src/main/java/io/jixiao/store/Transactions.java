package io.jixiao.store;

import io.jixiao.store.internal.UnitOfWork;

/**
 * What a service does around the caller's transaction. An idempotent call (REST {@code Idempotency-Key}, SOAP
 * {@code RequestId}) runs as one unit of work: every repository call on its thread joins one transaction, committed
 * together with the call's kept answer, so that a crash keeps both or neither. Effects outside the database that
 * must not run ahead of that commit — waking a worker that reads the new rows, lifting a hold from the in-memory
 * index — are registered here. Outside a unit of work each repository call commits on its own, so an action
 * registered for after the commit runs at once and one registered for a rollback is never needed.
 *
 * <p>Work that changes another system as it goes — the write-back of results to the host, whose protocol records
 * each change before sending it and sends a recorded change again until the host acknowledges it — must not be
 * rolled back with the call: it runs {@link #independently}, each repository call committing on its own.
 *
 * @since 2.0.0
 */
public final class Transactions {
    private Transactions() {
    }

    /**
     * @param action what to run once the calling thread's unit of work has committed; at once when there is none
     */
    public static void afterCommit(Runnable action) {
        UnitOfWork unit = UnitOfWork.current();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit(action);
        }
    }

    /**
     * Runs work outside the calling thread's unit of work: each repository call in it commits on its own, whatever
     * becomes of the unit.
     *
     * @param work what to run
     * @return what it returns
     */
    public static <T> T independently(java.util.function.Supplier<T> work) {
        UnitOfWork unit = UnitOfWork.current();
        if (unit == null) {
            return work.get();
        }
        UnitOfWork.suspend(unit);
        try {
            return work.get();
        } finally {
            UnitOfWork.resume(unit);
        }
    }

    /**
     * @param action what to run if the calling thread's unit of work is rolled back (e.g. take a hold placed in
     *        memory out again); dropped when there is no unit of work, whose writes are committed already
     */
    public static void afterRollback(Runnable action) {
        UnitOfWork unit = UnitOfWork.current();
        if (unit != null) {
            unit.afterRollback(action);
        }
    }
}
