package io.jixiao.api.goal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The goal rules as data: read the rules in force for a region and year, and change a region's rule set at
 * runtime. A change is stored with its author and reason (every revision stays readable in the store), audited,
 * and in force at once; it must parse, and it is refused (nothing changes) otherwise. The national default comes
 * from the Ministry's documents and changes only in its configuration file.
 */
@ProviderType
public interface GoalRuleService {

    /**
     * Anyone authenticated may read the rules of a region in their scope (the region's own view shows what it
     * inherits).
     *
     * @return the rules in force for the region and year, after inheritance
     */
    RuleSetView rules(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor);

    /**
     * Changes a region's rule set for the years from {@code fromYear}: the set in force for that region and year
     * with the given keys replaced (an empty value removes a key, so it is inherited again), at the next revision.
     * FINANCE, for a region in its scope.
     *
     * @return the rules in force for the region from that year, with the change
     * @throws io.jixiao.api.model.ConflictException if {@code baseRevision} is not the revision in force
     */
    RuleSetView change(RuleSetChange change, Actor actor);
}
