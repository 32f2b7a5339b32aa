package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.HoldService;
import io.jixiao.it.framework.Endpoints.Endpoint;
import io.jixiao.store.DecisionRepository;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.FrameworkUtil;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The role × operation table of docs/security.md is the one source of who may call what: every registered endpoint
 * has its row, each registered request's account holds a role its row allows, and one account of each role of the
 * objects' own region (and agency) is refused every call its column denies — on REST and SOAP, with nothing changed
 * and no audit row written.
 */
@ExtendWith(ServiceExtension.class)
class RoleMatrixIT {
    /** One account per role, all of region 440100000 (and the library's 654300000); UNIT and DEPARTMENT of 101001. */
    private static final Map<Role, String> OWN_REGION = new LinkedHashMap<>();
    /** The roles of the registered requests' accounts. */
    private static final Map<String, Role> REGISTERED = Map.of("finance01", Role.FINANCE, "pay-module",
            Role.HOST_SYSTEM, "auditor01", Role.AUDITOR, "unit01", Role.UNIT, "evaluator01", Role.EVALUATOR);
    private static final String DENIED = "—";

    static {
        OWN_REGION.put(Role.FINANCE, "finance03");
        OWN_REGION.put(Role.DEPARTMENT, "dept03");
        OWN_REGION.put(Role.UNIT, "unit03");
        OWN_REGION.put(Role.EVALUATOR, "evaluator03");
        OWN_REGION.put(Role.AUDITOR, "auditor03");
        OWN_REGION.put(Role.PUBLIC, "public03");
        OWN_REGION.put(Role.HOST_SYSTEM, "host03");
    }

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

    /** A row of the table: the operation's REST method and path, its SOAP operation, and each role's cell. */
    record Row(String operation, String rest, String soap, Map<Role, String> cells) {
        boolean allows(Role role) {
            return !cells.get(role).equals(DENIED);
        }
    }

    /** Reads the table under "## Roles × operations" of docs/security.md. */
    static List<Row> table() throws Exception {
        Path config = Path.of(FrameworkUtil.getBundle(RoleMatrixIT.class).getBundleContext()
                .getProperty("jixiao.it.config"));
        List<String> lines = Files.readAllLines(config.resolve("../docs/security.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## Roles × operations");
        assertThat(start).as("docs/security.md has the section").isNotNegative();
        List<Row> rows = new ArrayList<>();
        List<Role> columns = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim)
                    .map(c -> c.replace("`", "")).toList();
            if (columns == null) {
                columns = cells.subList(3, cells.size()).stream().map(Role::valueOf).toList();
                assertThat(Set.copyOf(columns)).as("a column per role").isEqualTo(Set.of(Role.values()));
                continue;
            }
            Map<Role, String> byRole = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                byRole.put(columns.get(i), cells.get(3 + i));
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), byRole));
        }
        return rows;
    }

    private static Row rowOf(List<Row> rows, Endpoint endpoint) {
        String key = endpoint.adapter().equals("rest") ? endpoint.method() + " " + endpoint.contractPath()
                : endpoint.method();
        List<Row> found = rows.stream()
                .filter(r -> (endpoint.adapter().equals("rest") ? r.rest() : r.soap()).equals(key)).toList();
        assertThat(found).as("one row of docs/security.md's role table for " + endpoint).hasSize(1);
        return found.get(0);
    }

    @Test
    void theTableCoversEveryEndpointAndAllowsItsRegisteredAccount() throws Exception {
        List<Row> rows = table();
        List<Endpoint> endpoints = Endpoints.all().stream().filter(e -> e.account() != null).toList();
        for (Endpoint endpoint : endpoints) {
            Row row = rowOf(rows, endpoint);
            Role registered = REGISTERED.get(endpoint.account());
            assertThat(registered).as("the role of " + endpoint.account()).isNotNull();
            assertThat(row.allows(registered)).as(endpoint + " is registered as " + endpoint.account()
                    + " whom the table refuses").isTrue();
        }
        for (Row row : rows) {
            boolean named = endpoints.stream().anyMatch(e -> e.adapter().equals("rest")
                    ? row.rest().equals(e.method() + " " + e.contractPath()) : row.soap().equals(e.method()));
            assertThat(named).as("the row '" + row.operation() + "' names a registered endpoint").isTrue();
            if (!row.soap().equals(DENIED)) {
                assertThat(endpoints).as("the row's SOAP operation " + row.soap() + " is registered")
                        .anyMatch(e -> e.adapter().equals("soap") && e.method().equals(row.soap()));
            }
        }
    }

    @Test
    void everyRoleOfTheObjectsOwnRegionIsRefusedWhatTheTableDeniesIt() throws Exception {
        List<Row> rows = table();
        UnchangedState state = UnchangedState.capture(holds, audit);
        Actor finance = Actor.of("state-check", "state-check", Role.FINANCE);
        MofDivCode library = MofDivCode.of(Endpoints.LIBRARY_REGION);
        long libraryAudit = audit.verify(library, finance).rowsChecked();
        List<String> breaches = new ArrayList<>();
        int refusals = 0;
        for (Endpoint endpoint : Endpoints.all()) {
            if (endpoint.account() == null) {
                continue;
            }
            Row row = rowOf(rows, endpoint);
            for (Map.Entry<Role, String> own : OWN_REGION.entrySet()) {
                if (row.allows(own.getKey())) {
                    continue;
                }
                HttpResponse<String> response = BolaMatrixIT.send(endpoint, own.getValue(), state);
                refusals++;
                boolean refused = endpoint.adapter().equals("rest")
                        ? response.statusCode() == 403 || response.statusCode() == 404
                        : response.statusCode() != 200 && response.body().contains("<faultcode>soap:Client</faultcode>")
                                && (response.body().contains("FORBIDDEN") || response.body().contains("NOT_FOUND"));
                String undeclared = Contract.undeclared(endpoint, response.statusCode());
                if (undeclared != null) {
                    breaches.add(undeclared);
                }
                if (!refused) {
                    breaches.add(own.getValue() + " (" + own.getKey() + ") → " + endpoint + ": "
                            + response.statusCode() + " " + response.body());
                }
            }
        }
        assertThat(breaches).isEmpty();
        assertThat(refusals).as("the table refuses something to every role").isGreaterThan(300);
        state.assertUnchanged(holds, decisions, audit);
        assertThat(audit.verify(library, finance).rowsChecked()).as("no audit row in the library's region")
                .isEqualTo(libraryAudit);
    }
}
