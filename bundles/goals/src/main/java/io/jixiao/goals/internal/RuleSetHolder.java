package io.jixiao.goals.internal;

import java.util.Map;

/** Where the rule-set configurations go: the rule book of this node. Inside the goals bundle only. */
public interface RuleSetHolder {

    /**
     * Puts a rule set in force, replacing the one of the same configuration.
     *
     * @param pid the configuration's PID
     * @param properties its keys and values
     * @return the rule set's label, e.g. {@code 440100000/2020#1}
     * @throws IllegalArgumentException naming every bad key; the rules in force are unchanged
     */
    String putRuleSet(String pid, Map<String, ?> properties);

    /**
     * Takes a configuration's rule set out of force.
     *
     * @throws IllegalArgumentException if other rule sets need it (the national default); nothing changes
     */
    void removeRuleSet(String pid);
}
