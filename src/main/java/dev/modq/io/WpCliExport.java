package dev.modq.io;

import dev.modq.core.Reasons;
import dev.modq.core.Status;

import java.io.IOException;
import java.util.List;

/**
 * A POSIX shell script of WP-CLI commands that applies modq's states to a WordPress site: approved → approve,
 * pending → unapprove, rejected with reason spam → spam, other rejected → trash (flagged has no WordPress
 * equivalent: left out). WP-CLI stops a batch at the first comment already in the wanted state, so a batch that
 * fails is checked comment by comment: one already in the wanted state counts as done, one that cannot be put in
 * it (deleted or changed in WordPress) is listed at the end, and the script exits 1 naming them. The last lines
 * say how to confirm the push in modq, so that the next export emits only newer decisions.
 */
final class WpCliExport extends SourceActionExport {

    static final String APPROVE = "push approve 1";
    static final String UNAPPROVE = "push unapprove 0";
    static final String SPAM = "push spam spam";
    static final String TRASH = "push trash trash";

    private static final List<String> HEADER = List.of(
            "#!/bin/sh",
            "# modq: WordPress comment states decided in modq. Run it where WP-CLI reaches the site, e.g.",
            "#   ssh blog 'cd /var/www/html && sh' < decisions.sh",
            "set -u",
            "done_count=0",
            "failed=''",
            "# push ACTION STATE ID...: one WP-CLI call for the batch; if it fails, each comment on its own.",
            "push() {",
            "  action=$1; state=$2; shift 2",
            "  if wp comment \"$action\" \"$@\" >/dev/null 2>&1; then done_count=$((done_count + $#)); return; fi",
            "  for id in \"$@\"; do",
            "    if [ \"$(wp comment get \"$id\" --field=comment_approved 2>/dev/null)\" = \"$state\" ]"
                    + " || wp comment \"$action\" \"$id\" >/dev/null 2>&1; then",
            "      done_count=$((done_count + 1))",
            "    else",
            "      failed=\"$failed $id\"",
            "    fi",
            "  done",
            "}");

    private final Appendable out;
    private final String confirm;

    WpCliExport(Appendable out, String confirm) {
        super(WxrParser.SYSTEM, "WordPress", out, APPROVE, UNAPPROVE, SPAM, TRASH);
        this.out = out;
        this.confirm = confirm;
    }

    @Override
    String action(ExportRow row) {
        return command(row.status(), row.reason());
    }

    @Override
    String leftOutNote(long count) {
        return count + " flagged comment(s) left out: WordPress has no flagged state (decide them first)";
    }

    @Override
    void header() throws IOException {
        for (String line : HEADER) {
            out.append(line).append('\n');
        }
    }

    @Override
    void footer(long emitted, long newestDecision) throws IOException {
        String confirmAll = inDoubleQuotes(confirm + " --confirm-pushed " + newestDecision);
        out.append("if [ -n \"$failed\" ]; then\n")
                .append("  echo \"modq: $done_count of ").append(String.valueOf(emitted))
                .append(" comment(s) are in the wanted state; not applied (deleted or changed in WordPress?):$failed\" >&2\n")
                .append("  echo \"modq: confirm the others in modq with: ").append(confirmAll)
                .append(" --except '$failed'\" >&2\n")
                .append("  exit 1\n")
                .append("fi\n")
                .append("echo \"modq: all ").append(String.valueOf(emitted))
                .append(" comment(s) are in the wanted state; confirm in modq with: ").append(confirmAll)
                .append("\" >&2\n");
    }

    /** Text for inside "..." in sh: no expansion of $, `, \ or ". */
    private static String inDoubleQuotes(String text) {
        return text.replaceAll("([\\\\\"$`])", "\\\\$1");
    }

    static String command(Status status, String reason) {
        return switch (status) {
            case APPROVED -> APPROVE;
            case PENDING -> UNAPPROVE;
            case REJECTED -> Reasons.is(reason, "spam") ? SPAM : TRASH;
            case FLAGGED -> null;
        };
    }
}
