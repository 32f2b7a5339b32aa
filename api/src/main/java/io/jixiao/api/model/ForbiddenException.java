package io.jixiao.api.model;

/**
 * The actor's roles do not allow the operation; nothing was changed.
 */
public class ForbiddenException extends JixiaoException {
    private static final long serialVersionUID = 1L;
    public static final String CODE = "FORBIDDEN";

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }
}
