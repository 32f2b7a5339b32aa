package io.jixiao.goals.internal;

import io.jixiao.api.goal.GoalService;
import io.jixiao.api.hook.CompilationGate;
import io.jixiao.api.hook.ProjectAdmission;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.store.GoalRepository;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The goals capability put together: the configured rule sets, the rule book built from them, and the workflow
 * and admission gate that decide by it. Rule sets change one at a time; each change builds a new book, and one
 * that does not parse leaves the book in force as it was.
 */
public final class Goals {
    private final Map<String, RuleSet> sets = new HashMap<>();
    private final Function<MofDivCode, Optional<MofDivCode>> parentOf;
    private final GoalWorkflow workflow;
    private final AdmissionGate admission;
    private final DraftGate compilation;
    private volatile RuleBook book;

    /**
     * @param goals where goals, assessments and decisions are kept
     * @param parentOf the configured region hierarchy
     */
    public Goals(GoalRepository goals, Function<MofDivCode, Optional<MofDivCode>> parentOf) {
        this.parentOf = parentOf;
        this.workflow = new GoalWorkflow(goals, this::book, Clock.systemUTC());
        this.admission = new AdmissionGate(goals, this::book, Clock.systemUTC());
        this.compilation = new DraftGate(goals, this::book, Clock.systemUTC());
    }

    /** @return the goal workflow */
    public GoalService workflow() {
        return workflow;
    }

    /** @return the project-library admission gate */
    public ProjectAdmission admission() {
        return admission;
    }

    /** @return the compilation and adjustment gate */
    public CompilationGate compilation() {
        return compilation;
    }

    /**
     * Adds or replaces a rule set.
     *
     * @param pid the configuration's id
     * @param properties its properties
     * @return the rule set's label, e.g. {@code 440100000/2020#1}
     * @throws IllegalArgumentException if it does not parse, or the book it makes is not valid
     */
    public synchronized String putRuleSet(String pid, Map<String, ?> properties) {
        RuleSet set = RuleSets.from(properties);
        Map<String, RuleSet> next = new HashMap<>(sets);
        next.put(pid, set);
        rebuild(next);
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
            rebuild(next);
        }
    }

    private void rebuild(Map<String, RuleSet> next) {
        if (next.values().stream().noneMatch(s -> s.region().equals(RuleSet.NATIONAL))) {
            // regions may arrive before the national default: keep them, decide nothing yet
            sets.clear();
            sets.putAll(next);
            book = null;
            return;
        }
        RuleBook built = new RuleBook(next.values(), parentOf);
        sets.clear();
        sets.putAll(next);
        book = built;
    }

    private RuleBook book() {
        RuleBook current = book;
        if (current == null) {
            throw new ConflictException("the goal rules are not configured: no national default rule set "
                    + "(config/io.jixiao.goals.rules-national.cfg)");
        }
        return current;
    }
}
