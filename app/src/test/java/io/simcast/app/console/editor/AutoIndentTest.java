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
}
