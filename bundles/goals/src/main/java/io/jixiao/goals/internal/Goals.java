package io.jixiao.goals.internal;

import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.service.RegionHierarchy;
import io.jixiao.store.GoalRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The goal rules in force: the configured rule sets, those written through the API, and the rule book built from
 * them, which the workflow and the gates decide by. Rule sets change one at a time; each change builds a new book,
 * and one that does not parse leaves the book in force as it was.
 */
@Component(service = Goals.class, immediate = true)
public final class Goals {
    private final Map<String, RuleSet> sets = new HashMap<>();
    /** Rule sets written through the API, the newest revision of each region and year, keyed {@code region/year}. */
    private final Map<String, RuleSet> stored = new HashMap<>();
    private final Function<MofDivCode, Optional<MofDivCode>> parentOf;
    private volatile RuleBook book;

    /** @param regions the configured region hierarchy */
    @Activate
    public Goals(@Reference RegionHierarchy regions) {
        this.parentOf = regions::parent;
    }

    /**
     * Takes the rule sets written through the API, as the store has them (every revision): the newest revision
     * of each region and year counts. Called at start and periodically, so that every node follows changes made
     * on another.
     *
     * @return whether the rules changed
     * @throws IllegalArgumentException if the rules with them are not valid
     */
    public synchronized boolean loadStored(List<GoalRepository.StoredRuleSet> revisions) {
        Map<String, RuleSet> next = new HashMap<>();
        for (GoalRepository.StoredRuleSet r : revisions) {
            RuleSet set = new RuleSet(r.region(), r.fromYear(), r.revision(), r.rules());
            next.merge(r.region() + "/" + r.fromYear(), set, (a, b) -> a.revision() >= b.revision() ? a : b);
        }
        if (next.equals(stored)) {
            return false;
        }
        rebuild(sets, next);
        return true;
    }

    /** Puts a rule set just written through the API in force. */
    synchronized void putStored(RuleSet set) {
        Map<String, RuleSet> next = new HashMap<>(stored);
        next.put(set.region() + "/" + set.fromYear(), set);
        rebuild(sets, next);
    }

    /**
     * @return the rule book with one more rule set, to check a change before it is stored
     * @throws IllegalArgumentException if that rule set does not parse
     */
    synchronized RuleBook trial(RuleSet set) {
        List<RuleSet> all = new ArrayList<>(sets.values());
        all.addAll(stored.values());
        all.add(set);
        return new RuleBook(all, parentOf);
    }

    /**
     * Adds or replaces a rule set.
     *
     * @param pid the configuration's id
     * @param properties its properties
     * @return the rule set's label, e.g. {@code 440100000/2020#1}
     * @throws IllegalArgumentException if it does not parse, or the book it makes is not valid
     */
    public String putRuleSet(String pid, Map<String, ?> properties) {
        return putRuleSet(pid, RuleSets.from(properties));
    }

    /**
     * Adds or replaces a configured rule set: its region, first year and revision as typed by its configuration,
     * its rule keys from the configuration's other properties.
     *
     * @param pid the configuration's id
     * @param region a {@code MOF_DIV_CODE} or {@code national}
     * @param fromYear the first budget year it applies to
     * @param revision its revision
     * @param properties the configuration's properties, whose rule keys and {@code source.} lines are taken
     * @return the rule set's label
     * @throws IllegalArgumentException if it does not parse, or the book it makes is not valid, naming every bad key
     */
    public String putRuleSet(String pid, String region, int fromYear, int revision, Map<String, ?> properties) {
        return putRuleSet(pid, RuleSets.from(region, fromYear, revision, properties));
    }

    private synchronized String putRuleSet(String pid, RuleSet set) {
        Map<String, RuleSet> next = new HashMap<>(sets);
        next.put(pid, set);
        rebuild(next, stored);
        return set.label();
    }

    /**
     * Removes a rule set. Without the national default no gate can decide (they answer CONFLICT) until one is
     * configured again.
     *
     * @param pid the configuration's id
     * @throws IllegalArgumentException if the rules without it are not valid
     */
    public synchronized void removeRuleSet(String pid) {
        Map<String, RuleSet> next = new HashMap<>(sets);
        if (next.remove(pid) != null) {
            rebuild(next, stored);
        }
    }

    private void rebuild(Map<String, RuleSet> configured, Map<String, RuleSet> written) {
        List<RuleSet> all = new ArrayList<>(configured.values());
        all.addAll(written.values());
        RuleBook built = all.stream().noneMatch(s -> s.region().equals(RuleSet.NATIONAL)) ? null
                // regions may arrive before the national default: keep them, decide nothing yet
                : new RuleBook(all, parentOf);
        Map<String, RuleSet> keepConfigured = new HashMap<>(configured);
        Map<String, RuleSet> keepWritten = new HashMap<>(written);
        sets.clear();
        sets.putAll(keepConfigured);
        stored.clear();
        stored.putAll(keepWritten);
        book = built;
    }

    RuleBook book() {
        RuleBook current = book;
        if (current == null) {
            throw new ConflictException("the goal rules are not configured: no national default rule set "
                    + "(config/io.jixiao.goals.rules-national.cfg)");
        }
        return current;
    }
}
