package dev.modq.serve;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitsTest {

    @Test
    void sessionsAreLimitedInAllAndPerModerator() {
        SessionLimits limits = new SessionLimits(3, 2);
        assertNull(limits.enter("alice"));
        assertNull(limits.enter("alice"));
        assertTrue(limits.enter("alice").contains("alice has 2 sessions open, the limit per moderator"));
        assertNull(limits.enter("bob"));
        assertTrue(limits.enter("carol").contains("the server has 3 sessions open"));
        limits.leave("alice");
        assertNull(limits.enter("carol"));
        assertEquals(3, limits.open());
    }

    @Test
    void aLineOnStdinLongerThanTheLimitIsAnError() throws IOException {
        byte[] ok = "12345\n12345\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(12, new LineLimitedInput(new ByteArrayInputStream(ok), 5).readAllBytes().length);
        byte[] tooLong = "123456\n".getBytes(StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class,
                () -> new LineLimitedInput(new ByteArrayInputStream(tooLong), 5).readAllBytes());
        assertTrue(e.getMessage().contains("longer than 5 bytes"), e.getMessage());
    }

    @Test
    void onATerminalLinesEndInCrLfOnce() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CrLfOutput crlf = new CrLfOutput(out);
        crlf.write("a\nb\r\nc\n".getBytes(StandardCharsets.US_ASCII));
        crlf.write('\n');
        assertEquals("a\r\nb\r\nc\r\n\r\n", out.toString(StandardCharsets.US_ASCII));
    }
}
