package io.jixiao.soap.internal;

import io.jixiao.security.AuthenticationException;
import io.jixiao.security.LoginThrottledException;
import io.jixiao.security.Authenticator;
import io.jixiao.security.Principal;
import io.jixiao.security.RateLimiter;
import org.apache.cxf.interceptor.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Authenticates every SOAP request by its WS-Security UsernameToken (OASIS WSS 1.1 UsernameToken profile,
 * PasswordText) against the same accounts as REST. Nonce and Created are required: a token older or newer
 * than the freshness window is refused, and a nonce seen within the window — on any SOAP service of this node — is a
 * replay and refused; so is a token created before the node started (its nonce may have been used before).
 * (WSS4J was not used: its OSGi assembly needs OpenSAML bundles that do not download here; see
 * docs/dependencies.md.)
 */
final class UsernameTokenInterceptor extends AbstractSoapInterceptor {
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    static final QName SECURITY = new QName(WSSE, "Security");
    static final QName FAILED_AUTHENTICATION = new QName(WSSE, "FailedAuthentication");
    static final String PRINCIPAL = Principal.class.getName();

    private final Authenticator authenticator;
    private final RateLimiter limiter;
    private final Duration freshness;
    private final Clock clock;
    private final NonceWindow seenNonces;

    private final Instant started;

    /** With this node's nonce window, shared by all services, and refusing tokens created before the node started. */
    UsernameTokenInterceptor(Authenticator authenticator, RateLimiter limiter, Duration freshness, Clock clock) {
        this(authenticator, limiter, freshness, clock, NonceWindow.node(freshness.multipliedBy(2)),
                NonceWindow.NODE_STARTED);
    }

    /**
     * @param seenNonces the nonces seen (by every service of the node)
     * @param started when the window began: a token created earlier is refused, since its nonce may have been
     *        used before a restart
     */
    UsernameTokenInterceptor(Authenticator authenticator, RateLimiter limiter, Duration freshness, Clock clock,
            NonceWindow seenNonces, Instant started) {
        super(Phase.PRE_PROTOCOL);
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.freshness = freshness;
        this.clock = clock;
        this.seenNonces = seenNonces;
        this.started = started;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Element token = null;
        for (Header header : message.getHeaders()) {
            if (SECURITY.equals(header.getName()) && header.getObject() instanceof Element security) {
                token = child(security, WSSE, "UsernameToken");
            }
        }
        if (token == null) {
            throw failed();
        }
        String username = text(child(token, WSSE, "Username"));
        Element passwordElement = child(token, WSSE, "Password");
        String nonce = text(child(token, WSSE, "Nonce"));
        String created = text(child(token, WSU, "Created"));
        if (username == null || passwordElement == null || nonce == null || created == null || nonce.length() > 256
                || !(passwordElement.getAttribute("Type").isEmpty()
                        || PASSWORD_TEXT.equals(passwordElement.getAttribute("Type")))) {
            throw failed();
        }
        Instant now = clock.instant();
        checkFresh(created, now);
        Principal principal;
        try {
            principal = authenticator.password(username, text(passwordElement), AdmissionInterceptors.address(message));
            rememberNonce(username + '\u0000' + nonce, now);
        } catch (LoginThrottledException e) {
            throw rateLimited("too many failed logins from your address", e.retryAfterSeconds());
        } catch (AuthenticationException e) {
            throw failed();
        }
        Duration wait = limiter.acquire(principal.account());
        if (!wait.isZero()) {
            throw rateLimited("request budget of this account exceeded", Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        message.put(PRINCIPAL, principal);
    }

    /** The principal the interceptor authenticated for the message this thread is handling. */
    static Principal caller() {
        return principal(org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage());
    }

    /** The principal the interceptor authenticated for the current message. */
    static Principal principal(Message message) {
        Object principal = message == null ? null : message.get(PRINCIPAL);
        if (principal instanceof Principal p) {
            return p;
        }
        throw new IllegalStateException("message did not pass authentication");
    }

    private void checkFresh(String created, Instant now) {
        try {
            Instant at = Instant.parse(created);
            if (at.isBefore(now.minus(freshness)) || at.isAfter(now.plus(freshness)) || at.isBefore(started)) {
                throw failed();
            }
        } catch (DateTimeParseException e) {
            throw failed();
        }
    }

    private void rememberNonce(String nonce, Instant now) {
        if (!seenNonces.firstSeen(nonce, now)) {
            throw failed();
        }
    }

    private static SoapFault rateLimited(String why, long seconds) {
        SoapFault fault = new SoapFault("RATE_LIMITED: " + why + "; retry after " + seconds + " s",
                Fault.FAULT_CODE_CLIENT);
        fault.setStatusCode(429);
        return fault;
    }

    private static SoapFault failed() {
        return new SoapFault("The security token could not be authenticated or authorized", FAILED_AUTHENTICATION);
    }

    private static Element child(Element parent, String namespace, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }
}
