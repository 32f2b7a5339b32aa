package io.jixiao.api.model;

/**
 * The request is valid but conflicts with the object's current state (e.g. releasing a released hold).
 */
public class ConflictException extends JixiaoException {
    private static final long serialVersionUID = 1L;
    public static final String CODE = "CONFLICT";

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }
}
