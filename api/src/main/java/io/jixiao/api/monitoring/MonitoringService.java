package io.jixiao.api.monitoring;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.time.LocalDate;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Monitoring rounds, units' reports and the alerts' life: rectification and release. Roles and data scope are
 * checked here, so every adapter meets the same rules.
 */
@ProviderType
public interface MonitoringService {

    /**
     * Starts a round on demand; it runs in the background.
     *
     * @param request region, year and cut-off
     * @param actor FINANCE with the region in scope
     * @return the round, QUEUED or already RUNNING
     * @throws ForbiddenException if the actor may not start rounds there
     * @throws ConflictException if a round for the same region, year and cut-off is running
     */
    Round start(RoundRequest request, Actor actor);

    /**
     * @param roundId the round
     * @param actor who asks (any role with the region in scope)
     * @return the round with its progress, if it exists for the actor
     */
    Optional<Round> round(long roundId, Actor actor);

    /**
     * Cancels a queued or running round; what it has written stays.
     *
     * @param roundId the round
     * @param actor FINANCE with the region in scope
     * @return the round, CANCELLED (a running round stops after the page it is on)
     * @throws NotFoundException if there is no such round for the actor
     * @throws ConflictException if it has finished
     */
    Round cancel(long roundId, Actor actor);

    /**
     * Resumes a FAILED round where it stopped, without judging again what it had judged.
     *
     * @param roundId the round
     * @param actor FINANCE with the region in scope
     * @return the round, QUEUED or RUNNING
     * @throws NotFoundException if there is no such round for the actor
     * @throws ConflictException if it has not failed
     */
    Round resume(long roundId, Actor actor);

    /**
     * A page of a round's results at or above a level.
     *
     * @param roundId the round
     * @param minLevel the mildest level to list (GREEN lists all)
     * @param afterId the last id of the previous page, 0 for the first
     * @param limit at most this many (1–1,000)
     * @param actor who asks; an agency-scoped actor sees its own agencies' results only
     * @return the page
     * @throws NotFoundException if there is no such round for the actor
     */
    AlertPage alerts(long roundId, AlertLevel minLevel, long afterId, int limit, Actor actor);

    /**
     * @param alertId a result
     * @param actor who asks
     * @return the result, if it exists for the actor
     */
    Optional<Alert> alert(long alertId, Actor actor);

    /**
     * Submits (or replaces) a unit's report for a project and cut-off: every indicator of the goal in force, no other.
     *
     * @param report the report
     * @param actor UNIT or DEPARTMENT with the project's agency in scope, FINANCE, or HOST_SYSTEM
     * @return the stored report, marked late if it came after the due day
     * @throws InvalidInputException if an indicator is unknown or missing, naming it
     * @throws NotFoundException if the project has no goal in force for the year
     */
    UnitReport report(UnitReport report, Actor actor);

    /**
     * Takes the units' reports from a monitoring form (绩效监控情况表, .xlsx or CSV: one row per indicator of each
     * project; docs/monitoring.md has the layout). Every row and every project is checked first; if anything is
     * wrong nothing is stored and the error names each row or project. The file is deleted afterwards.
     *
     * @param mofDivCode the region
     * @param fiscalYear the year
     * @param cutOff the round's cut-off the reports are for
     * @param file the uploaded form
     * @param csvCharset the encoding of a CSV form (UTF-8 or GB18030)
     * @param actor as for {@link #report(UnitReport, Actor)}
     * @return the stored reports, in the form's order of projects
     * @throws InvalidInputException naming every bad row ({@code ROW 7 全年完成预计}) or project
     */
    java.util.List<UnitReport> importReports(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff,
            java.nio.file.Path file, java.nio.charset.Charset csvCharset, Actor actor);

    /**
     * The report stored for a project and cut-off, as an actor may see it.
     *
     * @param mofDivCode the region
     * @param fiscalYear the year
     * @param cutOff the round's cut-off
     * @param proCode the project
     * @param actor who asks; an agency-scoped actor sees its own agencies' projects only
     * @return the report, if there is one the actor may see
     */
    Optional<UnitReport> report(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff, ProCode proCode,
            Actor actor);

    /**
     * The unit's account of how it rectified an open alert.
     *
     * @param alertId the alert
     * @param account what was done
     * @param actor UNIT or DEPARTMENT with the agency in scope, or HOST_SYSTEM
     * @return the alert, RECTIFIED
     * @throws ConflictException if the alert is not OPEN
     */
    Alert rectify(long alertId, Reason account, Actor actor);

    /**
     * Finance accepts the rectification: the alert closes and the hold it placed is released, with the reason
     * recorded on both.
     *
     * @param alertId the alert
     * @param reason why the hold may go
     * @param actor FINANCE with the region in scope
     * @return the alert, CLOSED
     * @throws ConflictException if the alert is CLOSED, or still OPEN while it requires rectification
     */
    Alert release(long alertId, Reason reason, Actor actor);
}
