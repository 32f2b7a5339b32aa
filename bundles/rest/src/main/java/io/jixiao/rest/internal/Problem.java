package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.goal.RulesViolatedException;
import io.jixiao.api.model.Violation;
import java.util.List;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * An RFC 7807 problem document. {@code errors} names each broken field and rule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public String type;
    public String title;
    public int status;
    public String detail;
    public String code;
    public List<Error> errors;
    /** The rules that decided, for a refusal by the goal rules. */
    public String ruleVersion;

    /** One broken rule. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Error {
        public String field;
        public String rule;
        public String message;
        /** The Chinese message of a goal rule. */
        public String messageZh;
        /** Where a goal rule comes from. */
        public String source;

        static Error of(Violation v) {
            Error e = new Error();
            e.field = v.field();
            e.rule = v.rule();
            e.message = v.message();
            return e;
        }
    }

    static Response rulesViolated(RulesViolatedException e) {
        Problem p = new Problem();
        p.type = "urn:jixiao:problem:rules-violated";
        p.title = "The goal breaks its region's rules";
        p.status = 422;
        p.detail = e.getMessage();
        p.code = e.code();
        p.ruleVersion = e.ruleVersion();
        p.errors = e.violations().stream().map(Problem::error).toList();
        return Response.status(422).type(MEDIA_TYPE).entity(p).build();
    }

    static Error error(RuleViolation v) {
        Error e = new Error();
        e.field = v.field();
        e.rule = v.code();
        e.message = v.messageEn();
        e.messageZh = v.messageZh();
        e.source = v.source();
        return e;
    }

    static Response response(int status, String code, String title, String detail, List<Violation> violations) {
        return Response.status(status).type(MEDIA_TYPE).entity(of(status, code, title, detail, violations)).build();
    }

    static Problem of(int status, String code, String title, String detail, List<Violation> violations) {
        Problem p = new Problem();
        p.type = "urn:jixiao:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        p.title = title;
        p.status = status;
        p.detail = detail;
        p.code = code;
        p.errors = violations == null || violations.isEmpty() ? null : violations.stream().map(Error::of).toList();
        return p;
    }
}
