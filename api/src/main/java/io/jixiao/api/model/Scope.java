package io.jixiao.api.model;

import java.util.Set;

/**
 * The data an actor may see and change: fiscal regions (already expanded to the regions configured under
 * them) and agencies. An empty set does not restrict.
 *
 * @param regions the {@code MOF_DIV_CODE}s the actor acts in; empty: every region
 * @param agencies the {@code AGENCY_CODE}s the actor acts for; empty: every agency
 */
public record Scope(Set<String> regions, Set<String> agencies) {
    /** No restriction: in-process host code and province-wide accounts. */
    public static final Scope ALL = new Scope(Set.of(), Set.of());

    public Scope {
        regions = Set.copyOf(regions);
        agencies = Set.copyOf(agencies);
    }

    /**
     * @param region a fiscal region
     * @return whether the actor may act in it
     */
    public boolean covers(MofDivCode region) {
        return regions.isEmpty() || regions.contains(region.value());
    }

    /**
     * @param agency an agency
     * @return whether the actor may act for it
     */
    public boolean covers(AgencyCode agency) {
        return agencies.isEmpty() || agencies.contains(agency.value());
    }
}
