package io.simcast.app.console.editor;

import io.simcast.app.console.editor.xml.XmlTags;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class XmlHighlighterTest {

    /** "class:text" for every styled run, in order. */
    private static List<String> runs(String text) {
        StyleSpans<Collection<String>> spans = XmlHighlighter.highlight(text, XmlTags.scan(text));
        List<String> runs = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) {
                runs.add(String.join(",", span.getStyle()) + ":" + text.substring(at, at + span.getLength()));
            }
            at += span.getLength();
        }
        assertThat(at).isEqualTo(text.length());
        return runs;
    }

    @Test
    void coloursElementNamesAttributesAndValues() {
        assertThat(runs("<geom size=\"0.1\" rgba='1 0 0 1'/>")).containsExactly(
                "tag:<geom", "attribute:size", "value:\"0.1\"", "attribute:rgba", "value:'1 0 0 1'", "tag:/>");
    }

    @Test
    void coloursEndTagsCommentsAndTheProlog() {
        assertThat(runs("<?xml version=\"1.0\"?>\n<!-- a -->\n<a>x</a>")).containsExactly(
                "prolog:<?xml version=\"1.0\"?>", "comment:<!-- a -->", "tag:<a>", "tag:</a>");
    }

    @Test
    void halfTypedTextIsColouredWithoutFailing() {
        assertThat(runs("<body name=\"a")).containsExactly("tag:<body", "attribute:name", "value:\"a");
        assertThat(runs("")).isEmpty();
        assertThat(runs("<")).containsExactly("tag:<");
    }
}
