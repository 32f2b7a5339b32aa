package io.jixiao.security.internal;

import com.nimbusds.jose.jwk.JWKSet;
import io.jixiao.security.AuthenticationException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.service.RegionHierarchy;
import io.jixiao.security.Authenticator;
import io.jixiao.security.ClientAdmission;
import io.jixiao.security.Principal;
import io.jixiao.security.RateLimiter;
import java.io.File;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The authenticator: the configured accounts, and bearer tokens when a key set is configured. */
@Component(configurationPid = AuthenticatorComponent.PID,
        service = {Authenticator.class, RateLimiter.class, RegionHierarchy.class, ClientAdmission.class})
@Designate(ocd = AuthenticatorConfiguration.class)
public final class AuthenticatorComponent implements Authenticator, RateLimiter, RegionHierarchy, ClientAdmission {
    static final String PID = "io.jixiao.security";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatorComponent.class);

    private final List<Account> accounts = new CopyOnWriteArrayList<>();
    private final PasswordVerifier passwords;
    private final TokenVerifier tokens;
    private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);
    private final RegionTree regions;
    private final Admission admission;
    private final LoginThrottle throttle;
    private final java.util.Set<String> hostAddresses;
    private final Rehasher rehasher;

    @Activate
    public AuthenticatorComponent(AuthenticatorConfiguration config, @Reference ConfigurationAdmin admin)
            throws IOException, ParseException {
        this.rehasher = new Rehasher(admin, config.login_rehashBelowIterations());
        this.regions = new RegionTree(config.regions_parents());
        this.admission = new Admission(Math.max(1, config.admission_perAddress()),
                Admission.caps(config.admission_addresses()), Math.max(1, config.admission_total()),
                Math.max(0, config.admission_minBodyBytesPerSecond()),
                Duration.ofSeconds(Math.max(1, config.admission_ticketSeconds())).toNanos(), System::nanoTime);
        this.hostAddresses = Admission.caps(config.admission_addresses()).keySet();
        this.throttle = new LoginThrottle(Math.max(0, config.login_failuresPerAccountAddress()),
                Math.max(0, config.login_failuresPerAddress()), Duration.ofSeconds(Math.max(1,
                        config.login_windowSeconds())), Math.max(1_000, config.passwordCacheSize() * 10),
                System::nanoTime);
        this.passwords = new PasswordVerifier(this::account, Duration.ofSeconds(config.passwordCacheSeconds()),
                Math.max(1, config.passwordCacheSize()), Clock.systemUTC());
        if (config.jwt_jwksFile().isBlank()) {
            this.tokens = null;
        } else {
            this.tokens = new TokenVerifier(JWKSet.load(new File(config.jwt_jwksFile())), config.jwt_issuer(),
                    config.jwt_audience(), config.jwt_clockSkewSeconds(), Duration.ofSeconds(config.jwt_cacheSeconds()),
                    Math.max(1, config.passwordCacheSize()), Clock.systemUTC());
            LOG.info("Bearer tokens accepted from issuer {} for audience {}", config.jwt_issuer(), config.jwt_audience());
        }
    }

    @Deactivate
    void deactivate() {
        rehasher.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedAccount")
    void addAccount(Account account) {
        accounts.add(account);
        if (passwords != null) {
            passwords.forgetAll();
        }
    }

    /** A changed account (a re-hashed password, new roles or regions) changes in place; verified credentials go. */
    void updatedAccount(Account account) {
        if (passwords != null) {
            passwords.forgetAll();
        }
    }

    void removeAccount(Account account) {
        accounts.remove(account);
        if (passwords != null) {
            passwords.forgetAll();
        }
    }

    private Account account(String name) {
        for (Account a : accounts) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    @Override
    public Principal password(String account, String password, String address) throws AuthenticationException {
        Principal known = passwords.cached(account, password);
        if (known != null) {
            return scoped(known); // a credential verified lately is never throttled
        }
        // a host system is never locked out from its configured addresses
        Account configured = account(account);
        boolean exempt = hostAddresses.contains(address) && configured != null && configured.principal() != null
                && configured.principal().roles().contains(io.jixiao.api.model.Role.HOST_SYSTEM);
        if (!exempt) {
            Duration wait = throttle.refusal(account, address);
            if (!wait.isZero()) {
                throw new io.jixiao.security.LoginThrottledException(wait);
            }
        }
        try {
            Principal verified = passwords.derived(account, password);
            throttle.succeeded(account, address);
            rehasher.offer(configured, password);
            return scoped(verified);
        } catch (AuthenticationException e) {
            if (!exempt) {
                String reached = throttle.failed(account, address);
                if (reached != null) {
                    LOG.warn("Failed logins: {}", reached);
                }
            }
            throw e;
        }
    }

    private Principal scoped(Principal principal) {
        return principal.national() ? principal : principal.withRegions(regions.expand(principal.regions()));
    }

    @Override
    public Duration acquire(String account) {
        Account configured = account(account);
        if (configured == null || configured.perSecond() <= 0) {
            return Duration.ZERO;
        }
        return buckets.acquire(account, configured.perSecond(), configured.burst());
    }

    @Override
    public Principal bearer(String token) throws AuthenticationException {
        if (tokens == null) {
            throw new AuthenticationException("bearer tokens are not configured");
        }
        return scoped(tokens.verify(token));
    }

    @Override
    public Optional<MofDivCode> parent(MofDivCode region) {
        return Optional.ofNullable(regions.parent(region.value())).map(MofDivCode::of);
    }

    @Override
    public Ticket admit(String address) {
        return admission.admit(address);
    }

    @Override
    public long minBodyBytesPerSecond() {
        return admission.minBodyBytesPerSecond();
    }
}
