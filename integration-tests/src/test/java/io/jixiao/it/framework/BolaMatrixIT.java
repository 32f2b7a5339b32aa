package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.HoldService;
import io.jixiao.it.framework.Endpoints.Endpoint;
import io.jixiao.store.DecisionRepository;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Broken object-level authorisation matrix: every registered endpoint × every role (finance, department, unit,
 * evaluator, auditor, public, host system) of another district
 * (440106000) × the identifiers of region 440100000's objects. Every call is denied (403/404, or a fault) and
 * nothing changes.
 */
@ExtendWith(ServiceExtension.class)
class BolaMatrixIT {
    /** One account per role, all of district 440106000. */
    private static final List<String> OTHER_DISTRICT = List.of("finance02", "dept02", "unit02", "evaluator02",
            "auditor02", "public02", "host02");

    @InjectService(timeout = 60_000)
    HoldService holds;

    @InjectService(timeout = 60_000)
    DecisionRepository decisions;

    @InjectService(timeout = 60_000)
    AuditService audit;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void anotherDistrictCannotReachThisDistrictsObjects() throws Exception {
        UnchangedState state = UnchangedState.capture(holds, audit);
        List<String> breaches = new ArrayList<>();
        int calls = 0;

        for (Endpoint endpoint : Endpoints.all()) {
            if (endpoint.account() == null) {
                continue; // the public OpenAPI document
            }
            for (String account : OTHER_DISTRICT) {
                HttpResponse<String> response = send(endpoint, account, state);
                calls++;
                boolean denied = endpoint.adapter().equals("rest")
                        ? response.statusCode() == 403 || response.statusCode() == 404
                        : response.statusCode() != 200 && response.body().contains("<faultcode>soap:Client</faultcode>");
                String undeclared = Contract.undeclared(endpoint, response.statusCode());
                if (undeclared != null) {
                    breaches.add(undeclared);
                }
                if (!denied) {
                    breaches.add(account + " → " + endpoint + ": " + response.statusCode() + " " + response.body());
                }
            }
        }

        assertThat(calls).isEqualTo(OTHER_DISTRICT.size() * (Endpoints.all().size() - 1));
        assertThat(breaches).isEmpty();
        state.assertUnchanged(holds, decisions, audit);
    }

    @Test
    void theSameAccountsWorkInTheirOwnDistrict() throws Exception {
        HttpResponse<String> placed = Jixiao.post(Jixiao.REST + "/holds", "application/json",
                "{\"MOF_DIV_CODE\":\"440106001\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"P-DISTRICT\","
                        + "\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"own district, via the region hierarchy\"}",
                "Authorization", Jixiao.basic("finance02"));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);

        HttpResponse<String> check = Jixiao.post(Jixiao.REST + "/payment-guard/checks", "application/json",
                "{\"MOF_DIV_CODE\":\"440106000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"D-1\",\"AGENCY_CODE\":\"606001\","
                        + "\"PRO_CODE\":\"P-D\",\"BGT_ID\":\"B-D\",\"PAY_APP_AMT\":1.00,\"EXP_KIND\":\"PROJECT\","
                        + "\"OPERATOR\":\"teller9\"}", "Authorization", Jixiao.basic("host02"));
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);

        HttpResponse<String> otherAgency = Jixiao.post(Jixiao.REST + "/payment-guard/checks", "application/json",
                "{\"MOF_DIV_CODE\":\"440106000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"D-2\",\"AGENCY_CODE\":\"606002\","
                        + "\"PRO_CODE\":\"P-D\",\"BGT_ID\":\"B-D\",\"PAY_APP_AMT\":1.00,\"EXP_KIND\":\"PROJECT\","
                        + "\"OPERATOR\":\"teller9\"}", "Authorization", Jixiao.basic("host02"));
        assertThat(otherAgency.statusCode()).as("another agency of the same district").isEqualTo(403);
    }

    /** Sends an endpoint's valid request as an account: a host system names an operator, a person none. */
    static HttpResponse<String> send(Endpoint endpoint, String account, UnchangedState state)
            throws Exception {
        boolean host = account.startsWith("host");
        String body = Endpoints.resolve(endpoint.validBody(), state);
        if (body != null && !host) {
            // people act as themselves: the operator of the host's request is not theirs to name
            body = body.replaceAll(",?\"OPERATOR\":\"[^\"]*\"", "").replaceAll("<pg:OPERATOR>[^<]*</pg:OPERATOR>", "");
        } else if (body != null && !body.contains("OPERATOR")) {
            // a host system names the host user behind every change
            body = body.startsWith("{") ? "{\"OPERATOR\":\"teller9\"," + body.substring(1)
                    : body.replaceFirst("</pg:((?!Get|List)\\w+Request)>$",
                            "<pg:OPERATOR>teller9</pg:OPERATOR></pg:$1>");
        }
        String path = Endpoints.resolve(endpoint.path(), state);
        if (endpoint.fileBody() && host && endpoint.adapter().equals("rest")) {
            path += "&OPERATOR=teller9"; // an upload names its operator in the query
        }
        return Endpoints.call(endpoint, account, path, body);
    }
}
