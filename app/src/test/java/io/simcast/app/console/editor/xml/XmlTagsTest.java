package io.simcast.app.console.editor.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.editor.xml.XmlTags.Kind;
import io.simcast.app.console.editor.xml.XmlTags.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlTagsTest {

    @Test
    void findsStartEndAndEmptyTagsWithTheirOffsets() {
        String text = "<mujoco><worldbody><geom size=\"1\"/></worldbody></mujoco>";
        List<Tag> tags = XmlTags.scan(text);
        assertThat(tags).extracting(Tag::kind)
                .containsExactly(Kind.START, Kind.START, Kind.EMPTY, Kind.END, Kind.END);
        assertThat(tags).extracting(Tag::name).containsExactly("mujoco", "worldbody", "geom", "worldbody", "mujoco");
        Tag geom = tags.get(2);
        assertThat(text.substring(geom.start(), geom.end())).isEqualTo("<geom size=\"1\"/>");
    }

    @Test
    void aGreaterThanInsideAQuotedValueDoesNotEndTheTag() {
        List<Tag> tags = XmlTags.scan("<a b=\"x>y\">");
        assertThat(tags).singleElement().satisfies(tag -> {
            assertThat(tag.end()).isEqualTo(11);
            assertThat(tag.terminated()).isTrue();
        });
    }

    @Test
    void commentsPrologAndCdataAreNotElements() {
        List<Tag> tags = XmlTags.scan("<?xml version=\"1.0\"?><!-- <body> --><a><![CDATA[<b>]]></a>");
        assertThat(tags).extracting(Tag::kind).containsExactly(Kind.OTHER, Kind.COMMENT, Kind.START, Kind.OTHER,
                Kind.END);
    }

    @Test
    void aTagStillBeingTypedEndsWhereTheNextTagBegins() {
        String text = "<body name=\"x\"\n<geom/>";
        List<Tag> tags = XmlTags.scan(text);
        assertThat(tags.getFirst().terminated()).isFalse();
        assertThat(tags.getFirst().end()).isEqualTo(text.indexOf("<geom"));
        assertThat(tags.get(1).name()).isEqualTo("geom");
    }

    @Test
    void openElementsAreTheUnclosedAncestorsOuterFirst() {
        String text = "<mujoco><worldbody><body><geom/></body><body>|";
        assertThat(XmlTags.openElements(XmlTags.scan(text), text.indexOf('|')))
                .containsExactly("mujoco", "worldbody", "body");
    }

    @Test
    void anEndTagClosesElementsLeftOpenInside() {
        String text = "<a><b><c></a><d>|";
        assertThat(XmlTags.openElements(XmlTags.scan(text), text.indexOf('|'))).containsExactly("d");
    }
}
