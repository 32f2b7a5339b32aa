package io.jixiao.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** Which requests the framing check looks at, and how it reads a charset. */
class RequestFramingTest {
    private static RequestFraming framing(String context, String... addresses) {
        return new RequestFraming(null, context, List.of(addresses)) {
            @Override
            protected long maxBytes(String path) {
                return 1;
            }

            @Override
            protected void refuse(HttpServletResponse response, int status, String code, String field, String rule,
                    String message) throws IOException {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void onlyTheEndpointsOwnPathsAreLookedAt() {
        RequestFraming rest = framing("/jixiao/", "/api/v1");
        assertThat(rest.below("/jixiao/api/v1")).isEmpty();
        assertThat(rest.below("/jixiao/api/v1/library/imports")).isEqualTo("/library/imports");
        assertThat(rest.below("/jixiao/api/v10/holds")).as("another path that starts alike").isNull();
        assertThat(rest.below("/api/v1/holds")).as("the host's own application").isNull();
        assertThat(rest.below("/jixiao/soap/goals")).isNull();
        assertThat(rest.below(null)).isNull();
        RequestFraming soap = framing("/", "/soap/goals", "soap/library");
        assertThat(soap.below("/soap/goals")).isEmpty();
        assertThat(soap.below("/soap/library/x")).isEqualTo("/x");
    }

    @Test
    void theCharsetParameterIsReadInAnySpelling() {
        assertThat(RequestFraming.charset("application/json")).isNull();
        assertThat(RequestFraming.charset(null)).isNull();
        assertThat(RequestFraming.charset("application/json; charset=x-bogus")).isEqualTo("x-bogus");
        assertThat(RequestFraming.charset("text/xml;Charset=\"utf-8\"")).isEqualTo("utf-8");
        assertThat(RequestFraming.known("utf-8")).isTrue();
        assertThat(RequestFraming.known("GB18030")).isTrue();
        assertThat(RequestFraming.known("x-bogus")).isFalse();
        assertThat(RequestFraming.known("not a name!")).as("an illegal name").isFalse();
        assertThat(RequestFraming.known("")).isFalse();
    }
}
