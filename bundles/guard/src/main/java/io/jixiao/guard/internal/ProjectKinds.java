package io.jixiao.guard.internal;

import io.jixiao.store.GoalRepository;
import java.util.HashSet;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The projects Jixiao knows as project expenditure (项目支出): those with an approved or published project goal. A
 * payment declared basic expenditure on one of them is decided as a project payment. Reloaded whole from the goals
 * (about 20 MB for a province's 100,000 projects would be the upper end; a set of strings per region).
 */
@Component(service = ProjectKinds.class, immediate = true)
public final class ProjectKinds {
    private final GoalRepository goals;
    private volatile Set<String> projects = Set.of();

    @Activate
    public ProjectKinds(@Reference GoalRepository goals) {
        this.goals = goals;
    }

    /**
     * Reads the projects again.
     *
     * @return how many
     */
    public int reload() {
        Set<String> loaded = new HashSet<>();
        goals.forEachGoalProject((region, project) -> loaded.add(key(region, project)));
        projects = loaded;
        return loaded.size();
    }

    /**
     * @param region a region code
     * @param project a project code
     * @return whether the project is known as project expenditure in the region
     */
    public boolean projectExpenditure(String region, String project) {
        return projects.contains(key(region, project));
    }

    /** Writes the audit row of a corrected kind (its own transaction). */
    void audit(io.jixiao.store.AuditEntry entry) {
        goals.recordDecision(entry);
    }

    private static String key(String region, String project) {
        return region + '/' + project;
    }
}
