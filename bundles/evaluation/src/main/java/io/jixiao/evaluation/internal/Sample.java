package io.jixiao.evaluation.internal;

import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.KindRules;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.store.EvaluationRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A spot-check sample 抽查 of a year's submitted self-evaluations, drawn by the region's rule: the share
 * ({@code evaluation.spotCheck.share}, rounded up, at least {@code evaluation.spotCheck.minimum}) of all submitted
 * ones, less those already spot-checked. The order is SHA-256 of a fresh random seed and each task id: nobody can
 * tell beforehand which projects a draw takes, and anyone holding the seed (recorded with the assignment's audit
 * rows) can recompute the draw.
 *
 * @param chosen the self-evaluations drawn
 * @param rule how, with the seed
 */
record Sample(List<EvaluationTask> chosen, String rule) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Sample draw(EvaluationRepository repository, MofDivCode region, FiscalYear year, KindRules rules) {
        byte[] seed = new byte[16];
        RANDOM.nextBytes(seed);
        return draw(repository, region, year, rules, HexFormat.of().formatHex(seed));
    }

    static Sample draw(EvaluationRepository repository, MofDivCode region, FiscalYear year, KindRules rules,
            String seed) {
        List<EvaluationTask> submitted = ResultApplication.all(repository, region, year, EvaluationKind.SELF, TaskStatus.SUBMITTED);
        Set<ProCode> checked = new HashSet<>();
        ResultApplication.all(repository, region, year, EvaluationKind.SPOT_CHECK, null).forEach(t -> checked.add(t.proCode()));
        int size = rules.sampleSize(submitted.size());
        List<EvaluationTask> pool = new ArrayList<>(submitted.stream().filter(t -> !checked.contains(t.proCode()))
                .toList());
        pool.sort(Comparator.comparing((EvaluationTask t) -> rank(seed, t.taskId())).thenComparingLong(
                EvaluationTask::taskId));
        int draws = Math.max(0, Math.min(pool.size(), size - (submitted.size() - pool.size())));
        String rule = "evaluation.spotCheck.share=" + rules.spotShare().toPlainString() + " % (minimum "
                + rules.spotMinimum() + ") of " + submitted.size() + " submitted self-evaluations = " + size + ", "
                + (submitted.size() - pool.size()) + " already checked, " + draws + " drawn by SHA-256(seed|task id), "
                + "seed " + seed + " @ " + rules.version();
        return new Sample(List.copyOf(pool.subList(0, draws)), rule);
    }

    /** The task's place in the draw: SHA-256 of the seed and its id, as hex (compared as text). */
    static String rank(String seed, long taskId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((seed + "|" + taskId).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
