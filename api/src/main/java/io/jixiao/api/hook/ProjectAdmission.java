package io.jixiao.api.hook;

import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.model.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The project library's hook 入库: may this project enter the library for its budget year? Yes only with an
 * approved goal and, where the region's thresholds require one, a supporting ex-ante assessment of at least the
 * required tier. A business "no" is a decision, never an exception; the decision is audited with caller and
 * operator.
 *
 * @since 1.1.0
 */
@ProviderType
public interface ProjectAdmission {

    /**
     * @param project the project as the library declares it
     * @param actor the calling system and the host user behind it
     * @return the decision, listing every reason to refuse
     */
    GateDecision admit(ProjectFacts project, Actor actor);
}
