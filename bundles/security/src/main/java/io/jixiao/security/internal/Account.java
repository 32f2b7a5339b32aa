package io.jixiao.security.internal;

import io.jixiao.api.model.Role;
import io.jixiao.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One configured account; a component per factory configuration, collected by the authenticator. */
@Component(configurationPid = Account.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = Account.class)
@Designate(ocd = AccountConfiguration.class, factory = true)
public final class Account {
    private static final Logger LOG = LoggerFactory.getLogger(Account.class);
    static final String PID = "io.jixiao.security.account";

    /** What one configuration says; replaced whole when the configuration changes. */
    private record State(String name, String passwordHash, Principal principal, double perSecond, int burst) {
    }

    private volatile State state;

    @Activate
    public Account(AccountConfiguration config) {
        this(config.name(), config.passwordHash(), config.roles(), config.regions(), config.agencies(),
                config.rateLimit_perSecond(), config.rateLimit_burst());
    }

    Account(String name, String passwordHash, String roles, String regions, String agencies) {
        this(name, passwordHash, roles, regions, agencies, 0, 0);
    }

    Account(String name, String passwordHash, String roles, String regions, String agencies, double perSecond,
            int burst) {
        this.state = state(name, passwordHash, roles, regions, agencies, perSecond, burst);
    }

    /**
     * A changed configuration (a re-hashed password, new roles) takes effect in place: the account is never
     * missing while it changes, as it would be between a deactivation and a new activation. The authenticator
     * hears of the change through its reference and forgets the credentials it verified.
     */
    @Modified
    void modified(AccountConfiguration config) {
        this.state = state(config.name(), config.passwordHash(), config.roles(), config.regions(), config.agencies(),
                config.rateLimit_perSecond(), config.rateLimit_burst());
    }

    private static State state(String name, String passwordHash, String roles, String regions, String agencies,
            double perSecond, int burst) {
        if (perSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("rate limits are not negative");
        }
        if (name == null || name.isBlank() || passwordHash == null || !passwordHash.startsWith(PasswordHash.SCHEME)) {
            throw new IllegalArgumentException("an account needs a name and a " + PasswordHash.SCHEME + " hash");
        }
        EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
        list(roles).forEach(r -> parsed.add(Role.valueOf(r)));
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("account " + name + " has no role");
        }
        Set<String> scope = list(regions);
        Principal principal;
        if (scope.isEmpty()) {
            // refused at every login, not rejected as a configuration: a component that fails to activate would
            // log a stack trace at every start, and an account file is edited by hand
            principal = null;
            LOG.warn("Account {} names no regions and is refused until it does: regions = <MOF_DIV_CODE,...>, or "
                    + "regions = {} for every region", name, Principal.ALL_REGIONS);
        } else {
            principal = new Principal(name, parsed, scope, list(agencies));
        }
        return new State(name, passwordHash, principal, perSecond, perSecond > 0 ? Math.max(1, burst) : 0);
    }

    String name() {
        return state.name();
    }

    String passwordHash() {
        return state.passwordHash();
    }

    /** @return the account's principal, or {@code null} when it names no regions (such an account is refused) */
    Principal principal() {
        return state.principal();
    }

    double perSecond() {
        return state.perSecond();
    }

    int burst() {
        return state.burst();
    }

    private static Set<String> list(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
