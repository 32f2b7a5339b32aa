package io.jixiao.api.hook;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Payment-guard hook, called by the host's payment module before the treasury pays. Basic expenditure
 * passes; a project payment under an active hold on its project or budget line gets HOLD. Every HOLD is
 * recorded with an audit row before the call returns; PASS decisions are recorded in batches off the check
 * path, durable within a configured delay.
 */
@ProviderType
public interface PaymentGuard {

    /**
     * Decides a payment application.
     *
     * @param application the application
     * @param actor the calling system and the host user behind the call
     * @return PASS or HOLD, never {@code null}
     * @throws InvalidInputException if the application or actor is missing
     * @throws io.jixiao.api.model.ForbiddenException if the application's region or agency is outside the
     *         actor's scope (nothing is recorded)
     */
    PaymentDecision check(PaymentApplication application, Actor actor);
}
