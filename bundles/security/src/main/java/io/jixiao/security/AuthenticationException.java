package io.jixiao.security;

/** The credentials are missing, malformed, unknown, wrong or expired. The message never says which. */
public class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
