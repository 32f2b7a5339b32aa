package io.jixiao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionTreeTest {

    @Test
    void aRegionCoversTheRegionsConfiguredUnderIt() {
        // Aletai sits under Ili; Tianjin's districts sit directly under the municipality
        RegionTree tree = new RegionTree("654300000>654000000, 654301000>654300000, 120101000>120000000");

        assertThat(tree.expand(Set.of("654000000"))).containsExactlyInAnyOrder("654000000", "654300000", "654301000");
        assertThat(tree.expand(Set.of("654300000"))).containsExactlyInAnyOrder("654300000", "654301000");
        assertThat(tree.expand(Set.of("120000000"))).containsExactlyInAnyOrder("120000000", "120101000");
        assertThat(tree.expand(Set.of())).isEmpty();
        assertThatThrownBy(() -> new RegionTree("654300000")).isInstanceOf(IllegalArgumentException.class);
    }
}
