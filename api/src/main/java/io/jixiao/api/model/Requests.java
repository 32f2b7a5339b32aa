package io.jixiao.api.model;

import java.util.Set;

/**
 * Builds model values from the raw fields of a remote request, so that every adapter applies the same rules
 * and reports every broken one at once.
 */
public final class Requests {
    private Requests() {
    }

    /**
     * @param callerSystem {@code CALLER_SYSTEM}
     * @param operator {@code OPERATOR}
     * @param role {@code OPERATOR_ROLE}, a {@link Role} name
     * @return the actor
     * @throws InvalidInputException naming every broken rule
     */
    public static Actor actor(String callerSystem, String operator, String role) {
        Violations v = new Violations();
        Role parsed = v.oneOf("OPERATOR_ROLE", role, Role.class);
        Actor actor = v.check(() -> Actor.of(callerSystem, operator, parsed == null ? Role.PUBLIC : parsed));
        v.throwIfAny();
        return actor;
    }

    /**
     * @param callerSystem {@code CALLER_SYSTEM}
     * @param operator {@code OPERATOR}, the host user behind the call
     * @return a host-system actor
     * @throws InvalidInputException naming every broken rule
     */
    public static Actor hostSystem(String callerSystem, String operator) {
        return new Actor(callerSystem, operator, Set.of(Role.HOST_SYSTEM));
    }
}
