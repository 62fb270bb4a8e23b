package dev.modq.core.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TextPropertiesTest {

    /** Any chars, lone surrogates included, weighted towards the interesting ones. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> interesting = Arbitraries.of('\u001b', '\u0007', '\u0000', '\u007f', '\u009b',
                '\u0085', '\r', '\n', '\t', '\u202e', '\u2066', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad',
                '\u0301', '\u20dd', '\u4e2d', '\ud83d', '\ude00', '\ud800', '\udc00', 'a', ' ', '\u0645');
        Arbitrary<Character> any = Arbitraries.chars().all();
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, interesting),
                        net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(80)
                .map(cs -> {
                    StringBuilder sb = new StringBuilder();
                    cs.forEach(sb::append);
                    return sb.toString();
                });
    }

    @Property(tries = 2000)
    void truncatedCleanTextFitsTheWidth(@ForAll("hostile") String s, @ForAll @IntRange(min = 0, max = 200) int w) {
        assertTrue(DisplayWidth.of(DisplayWidth.truncate(Sanitizer.clean(s), w)) <= w);
    }

    @Property(tries = 2000)
    void fitIsExactlyTheWidth(@ForAll("hostile") String s, @ForAll @IntRange(min = 0, max = 200) int w) {
        assertTrue(DisplayWidth.of(DisplayWidth.fit(Sanitizer.clean(s), w)) == w);
    }

    @Property(tries = 2000)
    void sanitisedTextNeverContainsControls(@ForAll("hostile") String s) {
        SanitizerTest.assertSafe(Sanitizer.clean(s), false);
        SanitizerTest.assertSafe(Sanitizer.multiline(s).text(), true);
    }

    @Property(tries = 1000)
    void sanitisedTextNeverContainsControlsAnyString(@ForAll String s) {
        SanitizerTest.assertSafe(Sanitizer.clean(s), false);
        SanitizerTest.assertSafe(Sanitizer.multiline(s).text(), true);
    }

    @Property(tries = 1000)
    void renderNeverThrows(@ForAll("hostile") String s) {
        CommentText.render("<p>" + s + "</p><a href=\"" + s + "\">" + s);
        CommentText.render(s);
    }
}
