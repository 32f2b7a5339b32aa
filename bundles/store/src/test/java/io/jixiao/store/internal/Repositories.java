package io.jixiao.store.internal;

/**
 * The store's repositories over one database, each built as its component builds it, for tests and benchmarks that
 * work on the real store without a framework.
 *
 * @param sessions the sessions all of them work in
 * @param breaks the audit chains' problems, as the store keeps them
 */
public record Repositories(UnitAwareSessions sessions, ChainBreaks breaks, MyBatisHolds holds,
        MyBatisBypasses bypasses, MyBatisDecisions decisions, MyBatisAudit audit, MyBatisIdempotency keys,
        MyBatisGoals goals, MyBatisLibrary library, MyBatisMonitoring monitoring, MyBatisEvaluation evaluation,
        MyBatisRegionEvaluation regionEvaluation, MyBatisRectification rectification) {

    public static Repositories over(UnitAwareSessions sessions) {
        ChainBreaks breaks = new ChainBreaks();
        return new Repositories(sessions, breaks, new MyBatisHolds(sessions), new MyBatisBypasses(sessions),
                new MyBatisDecisions(sessions), new MyBatisAudit(sessions, breaks), new MyBatisIdempotency(sessions),
                new MyBatisGoals(sessions), new MyBatisLibrary(sessions), new MyBatisMonitoring(sessions),
                new MyBatisEvaluation(sessions), new MyBatisRegionEvaluation(sessions),
                new MyBatisRectification(sessions));
    }

    /** @return what the store finds as it starts: one line per region whose chain head and last row disagree */
    public java.util.List<String> chainHeadsThatDisagree() {
        return breaks.checkHeads(sessions);
    }
}
