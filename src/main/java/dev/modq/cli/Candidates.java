package dev.modq.cli;

import dev.modq.core.AuditEntry;
import dev.modq.core.Decision;
import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.store.ListOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** What shell completion offers for options whose values are words from a fixed list (picocli completionCandidates). */
final class Candidates {

    private Candidates() {
    }

    /** pending, approved, rejected, flagged. */
    static final class Statuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Status.values()).map(Status::label).iterator();
        }
    }

    /** The statuses and {@code all}, for the filters of list and count. */
    static final class StatusesOrAll implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> all = new ArrayList<>();
            new Statuses().forEach(all::add);
            all.add("all");
            return all.iterator();
        }
    }

    /** created, -created, id, -id. */
    static final class Orders implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ListOrder.values()).map(ListOrder::label).iterator();
        }
    }

    /** The audit log's actions: every decision's verb, and undo. */
    static final class Actions implements Iterable<String> {
        static final List<String> ALL = actions();

        private static List<String> actions() {
            List<String> all = new ArrayList<>(Arrays.stream(Decision.values()).map(Decision::verb).toList());
            all.add("undo");
            all.addAll(List.of(AuditEntry.PURGE, AuditEntry.MODERATOR_ADD, AuditEntry.MODERATOR_REMOVE,
                    AuditEntry.MODERATOR_ROLE, AuditEntry.MODERATOR_KEY_ADD, AuditEntry.MODERATOR_KEY_REMOVE,
                    AuditEntry.HOLD, AuditEntry.RULE_ADD, AuditEntry.RULE_EDIT,
                    AuditEntry.RULE_ENABLE, AuditEntry.RULE_DISABLE, AuditEntry.RULE_REMOVE, AuditEntry.WORDS_ADD,
                    AuditEntry.WORDS_REMOVE));
            return List.copyOf(all);
        }

        @Override
        public Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    /** admin, moderator, viewer. */
    static final class Roles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Role.values()).map(Role::label).iterator();
        }
    }
}
