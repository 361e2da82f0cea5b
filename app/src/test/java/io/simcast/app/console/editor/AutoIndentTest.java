package io.simcast.app.console.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoIndentTest {

    private static String enterAt(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        return AutoIndent.lineBreak(textWithCaret.replace("|", ""), caret);
    }

    @Test
    void keepsTheLinesIndentation() {
        assertThat(enterAt("<mujoco>\n    <geom size=\"1\"/>|\n</mujoco>")).isEqualTo("\n    ");
    }

    @Test
    void indentsOneLevelMoreAfterAnOpenedElement() {
        assertThat(enterAt("<mujoco>\n  <worldbody>|")).isEqualTo("\n    ");
        assertThat(enterAt("  <body name=\"a\" pos=\"0 0 1\">|")).isEqualTo("\n    ");
    }

    @Test
    void anElementClosedOnTheSameLineOpensNothing() {
        assertThat(enterAt("  <body><geom/></body>|")).isEqualTo("\n  ");
        assertThat(enterAt("  <key qpos=\"0\"></key>|")).isEqualTo("\n  ");
        assertThat(enterAt("  </body>|")).isEqualTo("\n  ");
        assertThat(enterAt("  <!-- <body> -->|")).isEqualTo("\n  ");
    }

    @Test
    void insideAStartTagTheAttributesGoOnOneLevelIn() {
        assertThat(enterAt("  <geom name=\"a\"|")).isEqualTo("\n    ");
    }

    @Test
    void onlyTheTextBeforeTheCaretCounts() {
        assertThat(enterAt("  |<body>")).isEqualTo("\n  ");
    }

    /** The text after typing '/' at the caret, the rule applied or not. */
    private static String slashAt(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        String text = textWithCaret.replace("|", "");
        return AutoIndent.closingTag(text, caret)
                .map(edit -> text.substring(0, edit.start()) + edit.text() + text.substring(edit.end()))
                .orElse(text.substring(0, caret) + "/" + text.substring(caret));
    }

    @Test
    void anEndTagBegunOnItsOwnLineMovesBackToItsStartTagsLevel() {
        assertThat(slashAt("<mujoco>\n  <worldbody>\n    <body>\n      <geom/>\n      <|"))
                .isEqualTo("<mujoco>\n  <worldbody>\n    <body>\n      <geom/>\n    </");
        assertThat(slashAt("  <worldbody>\n    <|\n</mujoco>")).isEqualTo("  <worldbody>\n  </\n</mujoco>");
    }

    @Test
    void closedElementsAndTheirChildrenDoNotCount() {
        assertThat(slashAt("<mujoco>\n  <worldbody>\n    <body>\n    </body>\n    <|"))
                .endsWith("</body>\n  </");
        assertThat(slashAt("<mujoco>\n\t<default>\n\t\t<geom/>\n\t\t<|")).endsWith("\n\t</");
    }

    @Test
    void aLineHoldingMoreIsTypedAsItIs() {
        assertThat(slashAt("  <body>\n    <geom/><|")).endsWith("<geom/></");
        assertThat(slashAt("  <body>\n      <|<geom/>")).isEqualTo("  <body>\n      </<geom/>");
        assertThat(slashAt("  <body>\n    <geom size=\"0.1\"|")).endsWith("\"0.1\"/");
    }

    @Test
    void theRightLevelAlreadyOrNothingOpenTypesTheSlash() {
        assertThat(AutoIndent.closingTag("  <body>\n  <", 11)).isEmpty();
        assertThat(AutoIndent.closingTag("<mujoco/>\n  <", 13)).isEmpty();
        assertThat(AutoIndent.closingTag("<", 1)).isEmpty();
    }
}
