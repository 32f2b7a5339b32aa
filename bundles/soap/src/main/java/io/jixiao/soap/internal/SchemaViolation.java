package io.jixiao.soap.internal;

import org.xml.sax.SAXParseException;

/**
 * A request the contract's schema refuses, with the element it was found at: what a client needs to fix it. Raised
 * by {@link ReusedValidators} in place of the validator's own exception, which names the rule but not the element.
 */
final class SchemaViolation extends SAXParseException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String rule;
    private final String text;

    SchemaViolation(String path, SAXParseException found) {
        super(path + ": " + found.getMessage(), found.getPublicId(), found.getSystemId(), found.getLineNumber(),
                found.getColumnNumber(), found);
        this.path = path;
        String message = found.getMessage() == null ? "" : found.getMessage();
        int colon = message.indexOf(':');
        boolean coded = colon > 0 && message.startsWith("cvc-");
        this.rule = coded ? message.substring(0, colon) : "schema";
        this.text = coded ? message.substring(colon + 1).trim() : message;
    }

    /** @return the element path below the SOAP body, e.g. {@code CheckPaymentRequest/PAY_APP_AMT} */
    String path() {
        return path;
    }

    /** @return the XML Schema rule broken, e.g. {@code cvc-fractionDigits-valid} */
    String rule() {
        return rule;
    }

    /** @return the validator's explanation */
    String text() {
        return text;
    }
}
