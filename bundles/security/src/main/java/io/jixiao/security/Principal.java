package io.jixiao.security;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: an account (a person, or a host system acting for its users) with its roles and
 * data scope.
 *
 * @param account the account name
 * @param roles the roles it holds
 * @param regions the fiscal regions it may act in, never empty: {@value #ALL_REGIONS} alone for every region (national
 *        scope is said, never implied by a missing value)
 * @param agencies the agencies it may act for within those regions (empty: every agency of the regions)
 */
public record Principal(String account, Set<Role> roles, Set<String> regions, Set<String> agencies) {
    /** Header (REST) and element (SOAP) naming the host user behind a host system's call. */
    public static final String OPERATOR = "OPERATOR";
    /** The one value of {@code regions} that means every region. */
    public static final String ALL_REGIONS = "*";

    /**
     * @throws IllegalArgumentException if {@code regions} is empty, or mixes {@value #ALL_REGIONS} with regions
     */
    public Principal {
        Objects.requireNonNull(account, "account");
        roles = Set.copyOf(roles);
        regions = Set.copyOf(regions);
        agencies = Set.copyOf(agencies);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException(account + " has no scope: name its regions, or " + ALL_REGIONS
                    + " for every region");
        }
        if (regions.contains(ALL_REGIONS) && regions.size() > 1) {
            throw new IllegalArgumentException(account + ": " + ALL_REGIONS + " stands alone in regions");
        }
    }

    /** @return whether the principal acts in every region ({@code regions = *}) */
    public boolean national() {
        return regions.contains(ALL_REGIONS);
    }

    /**
     * The actor a call is judged and audited as. A host system must name the host user behind the call; a
     * person acts as themselves and may not name anybody else.
     *
     * @param operator the host user named by the call, or {@code null}
     * @return the actor
     * @throws InvalidInputException if a host system names no operator, or a person names another one
     */
    public Actor actor(String operator) {
        if (roles.contains(Role.HOST_SYSTEM)) {
            if (operator == null || operator.isBlank()) {
                throw InvalidInputException.of(OPERATOR, "required",
                        "a host system names the host user behind the call");
            }
            return new Actor(account, operator, roles, scope());
        }
        if (operator != null && !operator.equals(account)) {
            throw InvalidInputException.of(OPERATOR, "self", "a person acts as themselves: omit " + OPERATOR
                    + " or give your own account");
        }
        return new Actor(account, account, roles, scope());
    }

    /**
     * The actor of a read, which names no operator: the account itself, with its roles and scope.
     *
     * @return the actor
     */
    public Actor reader() {
        return new Actor(account, account, roles, scope());
    }

    /**
     * @return the regions and agencies this principal may act in
     */
    public Scope scope() {
        return new Scope(national() ? Set.of() : regions, agencies);
    }

    /**
     * @param expandedRegions the regions, together with the regions configured under them
     * @return this principal with its regions replaced
     */
    public Principal withRegions(Set<String> expandedRegions) {
        return new Principal(account, roles, expandedRegions, agencies);
    }
}
