package io.jixiao.security.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fiscal regions under each region, from configured child&gt;parent pairs (never derived from the digits of
 * the codes: municipalities, prefectures under prefectures and counties reporting to the province differ).
 */
final class RegionTree {
    private final Map<String, Set<String>> children = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();

    /**
     * @param pairs comma-separated {@code child>parent}, e.g. {@code 440106000>440100000, 440100000>440000000}
     */
    RegionTree(String pairs) {
        for (String pair : pairs.split(",")) {
            String p = pair.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] parts = p.split(">");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("region pair must be child>parent, got '" + p + "'");
            }
            String previous = parents.put(parts[0].trim(), parts[1].trim());
            if (previous != null && !previous.equals(parts[1].trim())) {
                throw new IllegalArgumentException("region " + parts[0].trim() + " is configured under both " + previous
                        + " and " + parts[1].trim());
            }
            children.computeIfAbsent(parts[1].trim(), k -> new HashSet<>()).add(parts[0].trim());
        }
    }

    /**
     * @param region a region
     * @return the region it is configured under, or {@code null}
     */
    String parent(String region) {
        return parents.get(region);
    }

    /**
     * @param regions regions of an account
     * @return those regions and every region configured under them; empty stays empty (no restriction)
     */
    Set<String> expand(Set<String> regions) {
        Set<String> all = new HashSet<>(regions);
        Deque<String> todo = new ArrayDeque<>(regions);
        while (!todo.isEmpty()) {
            for (String child : children.getOrDefault(todo.pop(), Set.of())) {
                if (all.add(child)) {
                    todo.push(child);
                }
            }
        }
        return all;
    }
}
