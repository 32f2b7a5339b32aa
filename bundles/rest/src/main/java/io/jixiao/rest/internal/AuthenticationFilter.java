package io.jixiao.rest.internal;

import io.jixiao.security.AuthenticationException;
import io.jixiao.security.LoginThrottledException;
import io.jixiao.security.Authenticator;
import io.jixiao.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

/**
 * Every REST call but the OpenAPI document authenticates: HTTP Basic against the configured accounts, or a
 * bearer JWT. Anything else gets 401 with {@code WWW-Authenticate}, before any resource runs.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    static final String CHALLENGE = "Basic realm=\"jixiao\", Bearer realm=\"jixiao\"";
    private final Authenticator authenticator;

    AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if ("GET".equals(request.getMethod()) && request.getUriInfo().getPath().equals(OpenApiResource.DOCUMENT)) {
            return;
        }
        try {
            Principal principal = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            boolean secure = request.getSecurityContext().isSecure();
            request.setSecurityContext(new Caller(principal, secure));
        } catch (LoginThrottledException e) {
            request.abortWith(Response.fromResponse(Problem.response(429, "RATE_LIMITED", "Too Many Requests",
                    "too many failed logins from your address; retry after " + e.retryAfterSeconds() + " s", null))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build());
        } catch (AuthenticationException e) {
            request.abortWith(Response.fromResponse(Problem.response(401, "UNAUTHENTICATED", "Unauthorized",
                    "authenticate with HTTP Basic or a bearer token", null))
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
        }
    }

    private Principal authenticate(String authorization) throws AuthenticationException {
        if (authorization == null) {
            throw new AuthenticationException("no credentials");
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationException("malformed credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new AuthenticationException("malformed credentials");
            }
            return authenticator.password(decoded.substring(0, colon), decoded.substring(colon + 1),
                    AdmissionFilter.address(org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage()));
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authenticator.bearer(authorization.substring(7).trim());
        }
        throw new AuthenticationException("unsupported scheme");
    }

    /** The authenticated caller as JAX-RS sees it. */
    record Caller(Principal principal, boolean secure) implements SecurityContext, java.security.Principal {
        @Override
        public java.security.Principal getUserPrincipal() {
            return this;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.roles().stream().anyMatch(r -> r.name().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "jixiao";
        }

        @Override
        public String getName() {
            return principal.account();
        }

        /** The authenticated principal of a request that passed this filter. */
        static Principal of(SecurityContext context) {
            return caller(context).principal();
        }

        private static Caller caller(SecurityContext context) {
            if (context instanceof Caller caller) {
                return caller;
            }
            throw new IllegalStateException("request did not pass authentication");
        }
    }
}
