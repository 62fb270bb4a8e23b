package dev.modq.service;

import dev.modq.core.AuditEntry;
import dev.modq.core.Moderator;
import dev.modq.core.query.Matchers;
import dev.modq.core.rules.Rule;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.Store;
import dev.modq.store.UnknownWordListException;
import dev.modq.store.WriteTransaction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes to the auto-moderation rules and word lists. Admins only; each change is one write transaction that
 * re-checks the admin under the lock and appends hash-chained audit entries (subject {@code rule:NAME} or
 * {@code list:NAME}, the rule's new text or the words in the note), like roster changes.
 */
public final class RuleService {

    /** At most this many words per list, and characters per word (Discourse keeps 2,000 and 100). */
    public static final int MAX_WORDS = 10_000;
    public static final int MAX_WORD_LENGTH = 100;

    private final Store store;
    private final Moderator actor;
    private final String osUser;
    private final Clock clock;

    public RuleService(Store store, Moderator actor, String osUser, Clock clock) {
        this.store = store;
        this.actor = actor;
        this.osUser = osUser;
        this.clock = clock;
    }

    /** Adds a rule at the end (or at {@code position} when given, moving later ones down). */
    public Rule add(Rule rule, Integer position) {
        return store.write("adding rule " + rule.name(), tx -> {
            requireAdmin(tx);
            List<Rule> rules = new ArrayList<>(tx.rules());
            if (find(rules, rule.name()).isPresent()) {
                throw new IllegalArgumentException("a rule named '" + rule.name() + "' exists: use `modq rules edit`"
                        + " or remove it first");
            }
            requireListsExist(tx, rule);
            int at = position == null ? rules.size() : Math.max(0, Math.min(rules.size(), position - 1));
            rules.add(at, rule);
            String batch = BatchIds.next(clock.instant());
            renumber(tx, rules, Map.of(rule.name(), AuditEntry.RULE_ADD), batch);
            return find(tx.rules(), rule.name()).orElseThrow();
        });
    }

    /**
     * Makes the rules exactly {@code wanted} (edit, import --replace): adds, changes, reorders and removes, one audit
     * entry per rule that changed. Returns how many changed.
     */
    public int replaceAll(List<Rule> wanted) {
        return replaceAll(wanted, null);
    }

    /** The same, refused (nothing changed) when the rules are no longer {@code expected} (another admin's edit). */
    public int replaceAll(List<Rule> wanted, List<Rule> expected) {
        return store.write("replacing the rules", tx -> {
            requireAdmin(tx);
            if (expected != null && !tx.rules().equals(expected)) {
                throw new IllegalStateException("the rules changed while you edited them (another admin):"
                        + " nothing was changed; run `modq rules edit` again");
            }
            wanted.forEach(r -> requireListsExist(tx, r));
            List<Rule> before = tx.rules();
            String batch = BatchIds.next(clock.instant());
            int changed = 0;
            for (Rule old : before) {
                if (find(wanted, old.name()).isEmpty()) {
                    tx.deleteRule(old.name());
                    audit(tx, AuditEntry.RULE_REMOVE, old, batch);
                    changed++;
                }
            }
            Map<String, String> actions = new LinkedHashMap<>();
            for (Rule rule : wanted) {
                Optional<Rule> old = find(before, rule.name());
                if (old.isEmpty()) {
                    actions.put(rule.name(), AuditEntry.RULE_ADD);
                }
            }
            return changed + renumber(tx, new ArrayList<>(wanted), actions, batch);
        });
    }

    /** Adds the file's rules, replacing those of the same name and keeping the others (import without --replace). */
    public int merge(List<Rule> incoming) {
        List<Rule> all = new ArrayList<>(store.rules());
        for (Rule rule : incoming) {
            int at = indexOf(all, rule.name());
            if (at >= 0) {
                all.set(at, rule);
            } else {
                all.add(rule);
            }
        }
        return replaceAll(all);
    }

    public void setEnabled(String name, boolean enabled) {
        store.write((enabled ? "enabling" : "disabling") + " rule " + name, tx -> {
            requireAdmin(tx);
            Rule rule = existing(tx.rules(), name);
            if (rule.enabled() == enabled) {
                throw new IllegalArgumentException("rule " + name + " is already " + (enabled ? "enabled" : "disabled"));
            }
            Rule changed = rule.withEnabled(enabled);
            tx.putRule(changed, actor.name());
            audit(tx, enabled ? AuditEntry.RULE_ENABLE : AuditEntry.RULE_DISABLE, changed, BatchIds.next(clock.instant()));
            return null;
        });
    }

    public void remove(String name) {
        store.write("removing rule " + name, tx -> {
            requireAdmin(tx);
            List<Rule> rules = new ArrayList<>(tx.rules());
            Rule rule = existing(rules, name);
            rules.remove(rule);
            tx.deleteRule(rule.name());
            String batch = BatchIds.next(clock.instant());
            audit(tx, AuditEntry.RULE_REMOVE, rule, batch);
            renumber(tx, rules, Map.of(), batch);
            return null;
        });
    }

    /** Adds words to a list, creating it; returns the words that were new. */
    public List<String> addWords(String list, List<String> words) {
        String name = Matchers.requireListName(list);
        List<String> clean = cleanWords(words);
        return store.write("adding words to list " + name, tx -> {
            requireAdmin(tx);
            int size = tx.words(name).map(List::size).orElse(0);
            tx.createWordList(name);
            List<String> added = tx.addWords(name, clean);
            if (size + added.size() > MAX_WORDS) {
                throw new IllegalArgumentException("list " + name + " would hold " + (size + added.size())
                        + " words; at most " + MAX_WORDS + " (split it into several lists)");
            }
            tx.appendAll(List.of(NewAuditEntry.ruleChange(actor.name(), osUser, AuditEntry.WORDS_ADD, "list:" + name,
                    String.join("\n", added), BatchIds.next(clock.instant()))));
            return added;
        });
    }

    /** Removes words from a list; with no words, removes the list (refused while a rule uses it). */
    public List<String> removeWords(String list, List<String> words) {
        String name = Matchers.requireListName(list);
        List<String> clean = words.isEmpty() ? List.of() : cleanWords(words);
        return store.write("removing words from list " + name, tx -> {
            requireAdmin(tx);
            List<String> had = tx.words(name).orElseThrow(() -> new UnknownWordListException(name));
            List<String> removed;
            if (clean.isEmpty()) {
                List<String> users = tx.rules().stream().filter(r -> r.when().listNames().contains(name))
                        .map(Rule::name).toList();
                if (!users.isEmpty()) {
                    throw new IllegalArgumentException("list " + name + " is used by rule " + String.join(", ", users)
                            + ": change or remove the rule first");
                }
                tx.deleteWordList(name);
                removed = had;
            } else {
                removed = tx.removeWords(name, clean);
            }
            tx.appendAll(List.of(NewAuditEntry.ruleChange(actor.name(), osUser, AuditEntry.WORDS_REMOVE, "list:" + name,
                    clean.isEmpty() ? "(the whole list)\n" + String.join("\n", removed) : String.join("\n", removed),
                    BatchIds.next(clock.instant()))));
            return removed;
        });
    }

    /** Trimmed, lower-cased, each once; empty words and overlong ones refused with their position. */
    static List<String> cleanWords(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words given");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String word : words) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty() || w.length() > MAX_WORD_LENGTH || w.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("bad word '" + w.replaceAll("\\p{Cntrl}", "?")
                        + "': 1 to " + MAX_WORD_LENGTH + " characters, no control characters");
            }
            clean.add(w);
        }
        if (clean.size() > MAX_WORDS) {
            throw new IllegalArgumentException("at most " + MAX_WORDS + " words per list");
        }
        return List.copyOf(clean);
    }

    /** Writes positions 1..n; every rule whose stored form changed gets an entry (add, or edit by default). */
    private int renumber(WriteTransaction tx, List<Rule> rules, Map<String, String> actions, String batch) {
        List<Rule> before = tx.rules();
        int changed = 0;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i).withPosition(i + 1);
            Optional<Rule> old = find(before, rule.name());
            if (old.isPresent() && old.get().equals(rule)) {
                continue;
            }
            tx.putRule(rule, actor.name());
            audit(tx, actions.getOrDefault(rule.name(), AuditEntry.RULE_EDIT), rule, batch);
            changed++;
        }
        return changed;
    }

    private void audit(WriteTransaction tx, String action, Rule rule, String batch) {
        String note = "position " + rule.position() + (rule.enabled() ? "" : ", disabled") + "\nwhen "
                + rule.when().print() + "\nthen " + rule.then().print();
        tx.appendAll(List.of(NewAuditEntry.ruleChange(actor.name(), osUser, action, "rule:" + rule.name(), note, batch)));
    }

    private void requireAdmin(WriteTransaction tx) {
        if (!store.writable()) {
            throw new AccessDeniedException("database " + store.address() + " is read-only for " + actor.name());
        }
        RosterCheck.requireAdmin(tx, actor.name(), store.address(), clock.instant());
    }

    private static void requireListsExist(WriteTransaction tx, Rule rule) {
        for (String list : rule.when().listNames()) {
            if (tx.words(list).isEmpty()) {
                throw new UnknownWordListException(list);
            }
        }
    }

    private static Rule existing(List<Rule> rules, String name) {
        return find(rules, name).orElseThrow(() -> new IllegalArgumentException("no rule named '" + name
                + "' (see `modq rules list`)"));
    }

    static Optional<Rule> find(List<Rule> rules, String name) {
        return rules.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    private static int indexOf(List<Rule> rules, String name) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
