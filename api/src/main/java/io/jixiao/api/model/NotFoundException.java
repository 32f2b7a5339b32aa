package io.jixiao.api.model;

/**
 * The addressed object does not exist (or is outside the caller's view).
 */
public class NotFoundException extends JixiaoException {
    private static final long serialVersionUID = 1L;
    public static final String CODE = "NOT_FOUND";

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }
}
