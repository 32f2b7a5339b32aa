package io.jixiao.api.service;

import io.jixiao.api.model.MofDivCode;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The configured fiscal-region hierarchy (never derived from the digits of the codes): data scope and rule
 * inheritance both follow it.
 *
 * @since 1.2.0
 */
@ProviderType
public interface RegionHierarchy {

    /**
     * @param region a fiscal region
     * @return the region it is configured under, if any
     */
    Optional<MofDivCode> parent(MofDivCode region);
}
