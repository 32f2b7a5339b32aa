package io.jixiao.api.hook;

import io.jixiao.api.goal.BudgetDraft;
import io.jixiao.api.model.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The budget compilation module's hook 预算编制, also used for mid-year adjustments and supplementary
 * appropriations 预算调整 / 追加: which project lines of a draft may go on. A line goes on only with an approved goal
 * and, where the region's thresholds require one, a supporting ex-ante assessment of the required tier. Every
 * blocked line is audited with caller and operator, and the draft's decision as a whole.
 *
 * @since 1.1.0
 */
@ProviderType
public interface CompilationGate {

    /**
     * @param draft the draft's project lines
     * @param actor the calling system and the host user behind it (HOST_SYSTEM or FINANCE)
     * @return one decision per line
     */
    DraftDecision check(BudgetDraft draft, Actor actor);
}
