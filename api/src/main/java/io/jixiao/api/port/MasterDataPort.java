package io.jixiao.api.port;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** The host's project master data (项目库): what a monitoring round needs to know about the projects it judges. */
@ConsumerType
public interface MasterDataPort {

    /**
     * The projects of a region and year, in one call per page of a round.
     *
     * @param mofDivCode the fiscal region
     * @param fiscalYear the budget year
     * @param proCodes up to 5,000 project codes
     * @return the projects the host knows, by code; codes it does not know are absent
     * @throws PortUnavailableException if the host does not answer, or answers with something unusable
     */
    Map<ProCode, ProjectRecord> projects(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<ProCode> proCodes);
}
