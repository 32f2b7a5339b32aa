package io.jixiao.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** Which requests the framing check looks at, what it refuses before the chain, and how it reads a charset. */
class RequestFramingTest {
    /** The refusals a framing answered: status, code, field and rule. */
    private final List<String> refused = new ArrayList<>();

    private RequestFraming framing(String context, String... addresses) {
        return new RequestFraming(null, context, List.of(addresses)) {
            @Override
            protected long maxBytes(String path) {
                return path.equals("/uploads") ? 1_000 : 100;
            }

            @Override
            protected void refuse(HttpServletResponse response, int status, String code, String field, String rule,
                    String message) throws IOException {
                refused.add(status + " " + code + " " + field + " " + rule);
            }
        };
    }

    private static HttpServletRequest request(String uri, long length, String contentType) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getContentLengthLong()).thenReturn(length);
        when(request.getContentType()).thenReturn(contentType);
        return request;
    }

    @Test
    void aDeclaredBodyOverTheCapOrAnUnknownCharsetIsRefusedBeforeTheChainAndTheConnectionCloses() throws Exception {
        RequestFraming rest = framing("/jixiao", "/api/v1");
        FilterChain chain = mock(FilterChain.class);
        HttpServletResponse response = mock(HttpServletResponse.class);

        rest.doFilter(request("/jixiao/api/v1/holds", 101, "application/json"), response, chain);
        rest.doFilter(request("/jixiao/api/v1/holds", 50, "application/json; charset=x-bogus"), response, chain);
        assertThat(refused).containsExactly("413 HTTP_413 Content-Length max-bytes",
                "400 INVALID_INPUT Content-Type charset");
        verify(response, times(2)).setHeader("Connection", "close");
        verify(chain, never()).doFilter(any(), any());

        HttpServletRequest upload = request("/jixiao/api/v1/uploads", 500, "text/csv; charset=GB18030");
        rest.doFilter(upload, response, chain);
        HttpServletRequest elsewhere = request("/host/app", 1_000_000, "text/plain; charset=x-bogus");
        rest.doFilter(elsewhere, response, chain);
        assertThat(refused).as("the upload's own cap; another application's request").hasSize(2);
        verify(chain).doFilter(upload, response);
        verify(chain).doFilter(elsewhere, response);
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
