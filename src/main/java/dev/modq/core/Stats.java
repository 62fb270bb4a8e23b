package dev.modq.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The numbers `modq stats` reports: the queue by status, the busiest posts, who decided what, and when. */
public record Stats(Map<Status, Long> byStatus, List<PostCount> topPosts, List<ModeratorCount> byModerator,
                    List<DayCount> perDay) {

    /** Comments on one post, and how many of them still wait. */
    public record PostCount(long postId, String title, long comments, long pending) {
    }

    /** Audit entries by one moderator, per action (approve, reject, flag, undo). */
    public record ModeratorCount(String moderator, long approve, long reject, long flag, long pending, long undo) {
    }

    /** Decisions (audit entries) on one UTC day. */
    public record DayCount(LocalDate day, long decisions) {
    }
}
