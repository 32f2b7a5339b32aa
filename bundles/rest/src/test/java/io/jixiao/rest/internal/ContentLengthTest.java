package io.jixiao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.WriterInterceptorContext;
import org.junit.jupiter.api.Test;

class ContentLengthTest {
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

    /** A writer context whose JSON writer writes {@code bytes} in slices of 1,000 to whatever stream is current. */
    private WriterInterceptorContext context(Object entity, int bytes) throws Exception {
        WriterInterceptorContext context = mock(WriterInterceptorContext.class);
        OutputStream[] current = {wire};
        when(context.getEntity()).thenReturn(entity);
        when(context.getHeaders()).thenReturn(headers);
        when(context.getOutputStream()).thenAnswer(i -> current[0]);
        doAnswer(i -> current[0] = i.getArgument(0)).when(context).setOutputStream(org.mockito.ArgumentMatchers.any());
        doAnswer(i -> {
            byte[] slice = new byte[1000];
            Arrays.fill(slice, (byte) 'x');
            for (int left = bytes; left > 0; left -= 1000) {
                current[0].write(slice, 0, Math.min(1000, left));
            }
            return null;
        }).when(context).proceed();
        return context;
    }

    @Test
    void aSmallAnswerGoesOutWithItsLength() throws Exception {
        new ContentLength().aroundWriteTo(context(new Object(), 2_500));

        assertThat(headers.getFirst("Content-Length")).isEqualTo("2500");
        assertThat(wire.size()).isEqualTo(2_500);
    }

    @Test
    void anAnswerPastTheLimitStreamsWholeWithoutALength() throws Exception {
        int size = ContentLength.MAX_BUFFERED + 5_500;
        new ContentLength().aroundWriteTo(context(new Object(), size));

        assertThat(headers.containsKey("Content-Length")).isFalse();
        assertThat(wire.size()).as("nothing lost at the switch").isEqualTo(size);
    }

    @Test
    void streamedBodiesAreNeverHeld() throws Exception {
        StreamingOutput file = out -> { };
        new ContentLength().aroundWriteTo(context(file, 3_000));

        assertThat(headers.containsKey("Content-Length")).isFalse();
        assertThat(wire.size()).isEqualTo(3_000);
    }
}
