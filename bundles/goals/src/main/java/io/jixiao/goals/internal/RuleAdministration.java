package io.jixiao.goals.internal;

import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.RuleSetChange;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository.StoredRuleSet;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reading the rules in force, and changing a region's rule set through the API: the change is checked (known
 * keys, values that parse, made against the revision in force), stored as the next revision with its author and
 * reason and an audit row, and put in force at once.
 */
@Component(service = GoalRuleService.class, immediate = true)
public final class RuleAdministration implements GoalRuleService {
    /** Audit details stay within 2,000 bytes on Oracle, Chinese sources included. */
    private static final int MAX_DETAIL = 600;

    private final GoalRepository store;
    private final Goals goals;
    private final Clock clock;

    @Activate
    public RuleAdministration(@Reference GoalRepository store, @Reference Goals goals) {
        this(store, goals, Clock.systemUTC());
    }

    RuleAdministration(GoalRepository store, Goals goals, Clock clock) {
        this.store = store;
        this.goals = goals;
        this.clock = clock;
    }

    @Override
    public RuleSetView rules(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor) {
        if (mofDivCode == null || fiscalYear == null) {
            throw InvalidInputException.of(mofDivCode == null ? MofDivCode.FIELD : FiscalYear.FIELD, "required",
                    "is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        actor.requireAny(Role.STAFF, "reading goal rules");
        if (!actor.scope().covers(mofDivCode)) {
            throw new ForbiddenException("region " + mofDivCode + " is outside your scope");
        }
        return goals.book().view(mofDivCode, fiscalYear);
    }

    @Override
    public RuleSetView change(RuleSetChange change, Actor actor) {
        if (change == null || actor == null) {
            throw InvalidInputException.of(change == null ? "RULES" : Actor.OPERATOR_FIELD, "required",
                    "is required");
        }
        if (!actor.has(Role.FINANCE)) {
            throw new ForbiddenException("changing goal rules needs role FINANCE");
        }
        if (!actor.scope().covers(change.mofDivCode())) {
            throw new ForbiddenException("region " + change.mofDivCode() + " is outside your scope");
        }
        String region = change.mofDivCode().value();
        synchronized (goals) {
            Optional<RuleSet> base = goals.book().own(region, change.fromYear());
            int revision = base.filter(s -> s.fromYear() == change.fromYear()).map(RuleSet::revision).orElse(0);
            if (change.baseRevision() != revision) {
                throw new ConflictException("the rule set of " + region + " from " + change.fromYear()
                        + " is at revision " + revision + ", not " + change.baseRevision()
                        + ": read the rules again and redo the change");
            }
            Map<String, String> values = new HashMap<>(base.map(RuleSet::values).orElse(Map.of()));
            change.changes().forEach((key, value) -> {
                String rule = key.startsWith("source.") ? key.substring("source.".length()) : key;
                if (!RuleBook.known(rule)) {
                    throw InvalidInputException.of("RULES." + key, "known-key", "not a rule key (docs/rules.md)");
                }
                if (value.isBlank()) {
                    values.remove(key);
                } else {
                    values.put(key, value.strip());
                }
            });
            RuleSet next = new RuleSet(region, change.fromYear(), revision + 1, values);
            try {
                goals.trial(next);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("RULES", "parse", e.getMessage());
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String detail = new TreeMap<>(change.changes()).toString();
            store.insertRuleSet(new StoredRuleSet(region, change.fromYear(), next.revision(), values,
                    change.reason(), actor, now), new AuditEntry(now, "GOAL_RULES_CHANGED", change.mofDivCode(),
                    "RULE_SET", next.label(), actor, change.reason(),
                    detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail, null, null));
            goals.putStored(next);
            // inside an idempotent call the revision commits with the answer: a rollback takes it out again
            Transactions.afterRollback(() -> goals.loadStored(store.ruleSets()));
        }
        return goals.book().view(change.mofDivCode(), FiscalYear.of(change.fromYear()));
    }
}
