package io.jixiao.api.model;

import java.util.Objects;
import java.util.Set;

/**
 * Who acts: the calling system, the person behind the call (for a host system, the host user) and the roles
 * the action is judged by. Written to the audit trail with every state change.
 *
 * @param callerSystem the calling system or client, e.g. {@code PAY-MODULE}
 * @param operator the person behind the call, e.g. the host user id
 * @param roles the roles the caller holds, never empty
 * @param scope the regions and agencies the caller may act in
 */
public record Actor(String callerSystem, String operator, Set<Role> roles, Scope scope) {
    public static final String CALLER_FIELD = "CALLER_SYSTEM";
    public static final String OPERATOR_FIELD = "OPERATOR";
    public static final int MAX_NAME_LENGTH = 64;

    public Actor {
        Checks.text(CALLER_FIELD, callerSystem, MAX_NAME_LENGTH);
        Checks.text(OPERATOR_FIELD, operator, MAX_NAME_LENGTH);
        Objects.requireNonNull(roles, "roles");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an actor holds at least one role");
        }
        roles = Set.copyOf(roles);
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * An actor without data-scope restriction.
     *
     * @param callerSystem the calling system
     * @param operator the person behind the call
     * @param roles the roles
     */
    public Actor(String callerSystem, String operator, Set<Role> roles) {
        this(callerSystem, operator, roles, Scope.ALL);
    }

    public static Actor of(String callerSystem, String operator, Role role) {
        return new Actor(callerSystem, operator, Set.of(role));
    }

    /** The caller system Jixiao names itself as when it acts on its own (a schedule, reading rules). */
    public static final String SYSTEM = "jixiao";

    /**
     * Jixiao itself, doing one of its own tasks: caller {@value #SYSTEM}, the task as operator, finance's reach in
     * every region. The audit trail shows such an actor as {@code jixiao/<task>}.
     *
     * @param task what it is doing, e.g. {@code schedule} or {@code payment-guard}
     * @return the actor
     * @since 1.3.0
     */
    public static Actor system(String task) {
        return of(SYSTEM, task, Role.FINANCE);
    }

    /**
     * @param role a role
     * @return whether the actor holds it
     */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * @param allowed roles any one of which suffices
     * @return whether the actor holds one of them
     * @since 1.2.0
     */
    public boolean hasAny(Set<Role> allowed) {
        return roles.stream().anyMatch(allowed::contains);
    }

    /**
     * Refuses an actor that holds none of the roles, before anything is read, recorded or changed.
     *
     * @param allowed roles any one of which suffices
     * @param what the action, for the message (e.g. {@code "reading holds"})
     * @throws ForbiddenException if the actor holds none of them
     * @since 1.2.0
     */
    public void requireAny(Set<Role> allowed, String what) {
        if (!hasAny(allowed)) {
            throw new ForbiddenException(what + " needs one of the roles " + allowed);
        }
    }
}
