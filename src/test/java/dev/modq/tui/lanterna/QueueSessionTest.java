package dev.modq.tui.lanterna;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import dev.modq.core.Decision;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import dev.modq.store.Store;
import dev.modq.testing.TestStores;
import dev.modq.tui.Msg;
import dev.modq.tui.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripted moderator sessions: keys into a virtual terminal, screen text and database state out. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class QueueSessionTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void approvingWritesTheDatabaseAndMovesOn() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(30).open(80, 24)) {
            assertTrue(t.screenText().contains("Comment number 1"), t.screenText());
            t.press("a");
            assertEquals(Status.APPROVED, t.status(1));
            assertEquals(2, t.selectedId());
            assertEquals("Approved #1 — u to undo", t.messageLine());
            assertTrue(t.row(1).contains("[Pending 29]"), t.row(1));
            assertTrue(t.row(1).contains("Approved 1"), t.row(1));
        }
    }

    @Test
    void rejectTakesAReasonKeyAndEscCancels() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(5).open(80, 24)) {
            t.press("r");
            String prompt = (t.row(21) + " " + t.messageLine()).replaceAll("\\s+", " ");
            assertTrue(prompt.contains("Reject #1, reason?") && prompt.contains("Esc cancels"), prompt);
            t.press("Esc");
            assertEquals(Status.PENDING, t.status(1));
            assertEquals("Reject cancelled", t.messageLine());
            t.press("r", "s");
            assertEquals(Status.REJECTED, t.status(1));
            assertEquals("spam", t.reason(1));
            assertEquals("Rejected #1 (spam) — u to undo", t.messageLine());
            t.press("r", "Enter");
            assertEquals(Status.REJECTED, t.status(2));
            assertNull(t.reason(2));
        }
    }

    @Test
    void flagAndUndoAreRepeatable() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(5).open(80, 24)) {
            t.press("f", "a");
            assertEquals(Status.FLAGGED, t.status(1));
            assertEquals(Status.APPROVED, t.status(2));
            t.press("u");
            assertEquals(Status.PENDING, t.status(2));
            assertEquals(2, t.selectedId(), "the cursor goes back to the restored comment");
            t.press("u");
            assertEquals(Status.PENDING, t.status(1));
            assertEquals(1, t.selectedId());
            t.press("u");
            assertEquals("Nothing to undo", t.messageLine());
        }
    }

    @Test
    void bulkDecisionOnMoreThanTwentyTaggedAsksAndOnlyYConfirms() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(30).open(80, 24)) {
            t.press("T");
            assertEquals(30, t.app.state().tagged().size());
            assertTrue(t.row(0).contains("30 tagged"), t.row(0));
            t.press("r", "s");
            assertTrue(t.messageLine().contains("Reject 30 tagged comments (spam)? y applies"), t.messageLine());
            t.press("Enter");
            assertEquals(Status.PENDING, t.status(1), "Enter is not yes");
            assertEquals(30, t.app.state().tagged().size(), "tags stay after a cancel");
            t.press("r", "s", "y");
            for (long id = 1; id <= 30; id++) {
                assertEquals(Status.REJECTED, t.status(id));
            }
            assertTrue(t.messageLine().startsWith("Rejected 30 of 30 tagged (spam) — u to undo"), t.messageLine());
            assertTrue(t.app.state().tagged().isEmpty());
            t.press("u");
            for (long id = 1; id <= 30; id++) {
                assertEquals(Status.PENDING, t.status(id));
            }
        }
    }

    @Test
    void aFewTaggedAreDecidedWithoutAsking() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(10).open(80, 24)) {
            t.press("t", "Space", "j", "t");
            assertTrue(t.screenText().contains(">*P") || t.screenText().contains(" *P"), t.screenText());
            t.press("a");
            assertEquals(Status.APPROVED, t.status(1));
            assertEquals(Status.APPROVED, t.status(2));
            assertEquals(Status.PENDING, t.status(3));
            assertEquals(Status.APPROVED, t.status(4));
        }
    }

    @Test
    void filterAndViewsSwitchTheList() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(5).open(80, 24)) {
            t.press("a", "Tab");
            assertEquals(View.FLAGGED, t.app.state().view());
            assertTrue(t.row(1).contains("[Flagged 0]"), t.row(1));
            t.press("Tab");
            assertTrue(t.row(2).contains("Comment number 1"), t.row(2));
            t.press("S-Tab", "S-Tab");
            assertEquals(View.PENDING, t.app.state().view());
            t.press("/").type("status:approved").press("Enter");
            assertEquals(View.APPROVED, t.app.state().view());
            assertTrue(t.row(2).contains("Comment number 1"), t.row(2));
            t.press("/").type("author:").press("Enter");
            assertTrue(t.messageLine().startsWith("Filter: expected a value after 'author:' at column 8"),
                    t.messageLine());
            assertTrue(t.app.state().message().error());
            t.press("Esc");
            assertEquals(View.APPROVED, t.app.state().view(), "a bad filter keeps the old one");
            t.press("/").type("text:number 3").press("Enter");
            assertTrue(t.row(0).contains("filter: text:\"number 3\"") || t.row(0).contains("filter: text:"), t.row(0));
            assertEquals(View.APPROVED, t.app.state().view());
            assertTrue(t.screenText().contains("Nothing in Approved matches the filter"), t.screenText());
        }
    }

    @Test
    void resizeAdaptsAndTooSmallSaysSo() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(40).open(80, 24)) {
            t.vt.setTerminalSize(new TerminalSize(120, 40));
            t.app.step(0);
            assertEquals(120, t.app.frame().width());
            assertTrue(t.screenText().contains("Comment number 12"), t.screenText());
            t.vt.setTerminalSize(new TerminalSize(60, 20));
            t.app.step(0);
            assertTrue(t.screenText().contains("terminal too small"), t.screenText());
            assertTrue(t.screenText().contains("need 80x16, have 60x20"), t.screenText());
            t.press("a");
            assertEquals(Status.PENDING, t.status(1), "no decisions on a screen you cannot see");
            t.vt.setTerminalSize(new TerminalSize(80, 24));
            t.app.step(0);
            assertTrue(t.screenText().contains("Comment number 1"), t.screenText());
        }
    }

    @Test
    void movingFarKeepsAWindowNotTheQueue() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(300).open(80, 24)) {
            for (int i = 0; i < 120; i++) {
                t.press("j");
            }
            assertEquals(121, t.selectedId());
            assertTrue(t.app.state().rows().size() < 60, "rows held: " + t.app.state().rows().size());
            t.press("G");
            assertEquals(300, t.selectedId());
            t.press("PgUp", "g");
            assertEquals(1, t.selectedId());
            t.press("End", "k", "Home");
            assertEquals(1, t.selectedId());
        }
    }

    @Test
    void hostileCommentNeitherCrashesNorLeaksControls() throws Exception {
        String evil = "\u001b[2J\u001b]0;pwned\u0007 \u009b31m red \u202egnp.exe\u200b <script>x</script> \u0000 end";
        try (TuiFixture t = new TuiFixture(backend, dir)
                .with(TuiFixture.comment(1, "Eve\u001b[31m\u202e", evil)).open(80, 24)) {
            String text = t.screenText();
            assertTrue(text.contains("^["), text);
            assertTrue(text.contains("<U+202E>"), text);
            assertTrue(text.contains("contained control characters"), text);
            TerminalSize size = t.vt.getTerminalSize();
            for (int y = 0; y < size.getRows(); y++) {
                for (int x = 0; x < size.getColumns(); x++) {
                    TextCharacter c = t.vt.getCharacter(new TerminalPosition(x, y));
                    c.getCharacterString().codePoints().forEach(cp -> assertFalse(
                            cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.FORMAT,
                            "control U+" + Integer.toHexString(cp) + " on screen"));
                }
            }
            t.press("Enter", "j", "Space", "Enter", "a");
            assertEquals(Status.APPROVED, t.status(1));
        }
    }

    @Test
    void cjkIsMeasuredByColumns() throws Exception {
        String cjk = "这是一个很长的中文评论，用来测试宽字符是否按列宽截断而不是按字符数截断的情况";
        try (TuiFixture t = new TuiFixture(backend, dir).with(TuiFixture.comment(1, "王小明", cjk)).open(80, 24)) {
            String row = t.row(2);
            assertTrue(row.contains("王小明"), row);
            assertTrue(row.contains("这是一个"), row);
            int columns = 0;
            for (int x = 0; x < 80; x++) {
                TextCharacter c = t.vt.getCharacter(new TerminalPosition(x, 2));
                columns += c.isDoubleWidth() ? 2 : 1;
                if (c.isDoubleWidth()) {
                    x++;
                }
            }
            assertEquals(80, columns, "the row fills exactly 80 columns");
            assertTrue(t.screenText().contains("用来测试宽字符"), t.screenText());
        }
    }

    @Test
    void anotherWritersChangeIsAConflictAndTheirDecisionStands() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(5).open(80, 24);
             Store other = t.db.open(OpenMode.EXISTING)) {
            ModerationService bob = new ModerationService(other, other.moderator("bob").orElseThrow(), Clock.systemUTC());
            bob.decide(Decision.REJECT, List.of(Target.any(1)), DecideOptions.withReason("abuse"));
            t.press("a");
            assertEquals(Status.REJECTED, t.status(1));
            assertEquals("abuse", t.reason(1));
            assertTrue(t.messageLine().startsWith("#1 was rejected by bob"), t.messageLine());
            assertTrue(t.messageLine().endsWith(": not applied"), t.messageLine());
        }
    }

    @Test
    void othersChangesAreSeenAndTheCursorStays() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(10).open(80, 24);
             Store other = t.db.open(OpenMode.EXISTING)) {
            t.press("j", "j", "j");
            assertEquals(4, t.selectedId());
            ModerationService bob = new ModerationService(other, other.moderator("bob").orElseThrow(), Clock.systemUTC());
            bob.decide(Decision.APPROVE, List.of(Target.any(1), Target.any(2)), DecideOptions.DEFAULT);
            t.app.send(new Msg.DataChanged());
            assertEquals(4, t.selectedId());
            assertTrue(t.row(1).contains("[Pending 8]"), t.row(1));
            assertFalse(t.screenText().contains("Comment number 2\n"), t.screenText());
        }
    }

    @Test
    void pollingDataVersionPicksUpAnotherWritersCommit() throws Exception {
        TuiFixture f = new TuiFixture(backend, dir).withPending(6);
        f.pollEvery = Duration.ofMillis(1);
        try (TuiFixture t = f.open(80, 24); Store other = t.db.open(OpenMode.EXISTING)) {
            t.press("j");
            ModerationService bob = new ModerationService(other, other.moderator("bob").orElseThrow(), Clock.systemUTC());
            bob.decide(Decision.FLAG, List.of(Target.any(1)), DecideOptions.DEFAULT);
            t.app.step(0);
            assertFalse(t.row(1).contains("Flagged 1"), "not before the poll is due: " + t.row(1));
            t.advance(Duration.ofMillis(1));
            assertTrue(t.row(1).contains("Flagged 1"), t.row(1));
            assertEquals(2, t.selectedId());
        }
    }

    @Test
    void helpAndRedrawAndQuit() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(3).open(80, 24)) {
            t.press("?");
            assertTrue(t.screenText().contains("undo this session's decisions, newest first; others ask y/N"), t.screenText());
            t.press("x");
            assertFalse(t.screenText().contains("undo this session's decisions, newest first; others ask y/N"));
            t.press("C-l");
            assertTrue(t.screenText().contains("Comment number 1"));
            t.vt.addInput(TuiFixture.stroke("q"));
            assertFalse(t.app.step(0));
        }
    }
}
