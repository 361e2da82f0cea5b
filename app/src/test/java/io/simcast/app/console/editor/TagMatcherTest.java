package io.simcast.app.console.editor;

import io.simcast.app.console.editor.xml.XmlTags;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.editor.TagMatcher.TagPair;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagMatcherTest {
    private static final String NESTED = "<body><body><geom/></body></body>";

    private static Optional<TagPair> at(String text, int caret) {
        return TagMatcher.at(XmlTags.scan(text), caret);
    }

    @Test
    void aStartTagMatchesItsOwnEndTagPastNestedOnesOfTheSameName() {
        TagPair pair = at(NESTED, 1).orElseThrow();
        assertThat(pair.tag().start()).isZero();
        assertThat(NESTED.substring(pair.partner().start(), pair.partner().end())).isEqualTo("</body>");
        assertThat(pair.partner().start()).isEqualTo(NESTED.lastIndexOf("</body>"));
    }

    @Test
    void anEndTagMatchesItsStartTag() {
        int inner = NESTED.indexOf("</body>") + 3;
        TagPair pair = at(NESTED, inner).orElseThrow();
        assertThat(pair.partner().start()).isEqualTo(NESTED.indexOf("<body>", 1));
    }

    @Test
    void theCaretJustAfterATagStillTouchesIt() {
        assertThat(at("<a></a>", 3)).get().extracting(pair -> pair.tag().name()).isEqualTo("a");
        assertThat(at("<a></a>", 3).orElseThrow().tag().start()).isEqualTo(3); // the tag starting there wins
        assertThat(at("<a> x</a>", 3).orElseThrow().tag().start()).isZero();
    }

    @Test
    void anUnclosedElementHasNoPartner() {
        assertThat(at("<mujoco><worldbody>", 10)).get().satisfies(pair -> assertThat(pair.matched()).isFalse());
    }

    @Test
    void textEmptyTagsAndCommentsMatchNothing() {
        assertThat(at("<a> text </a>", 5)).isEmpty();
        assertThat(at("<geom/>", 2)).isEmpty();
        assertThat(at("<!-- <a> -->", 6)).isEmpty();
    }
}
