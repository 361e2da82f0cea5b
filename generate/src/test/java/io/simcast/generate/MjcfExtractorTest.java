package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MjcfExtractorTest {
    private static final String DOC = "<mujoco model=\"m\">\n  <worldbody/>\n</mujoco>";

    @Test
    void takesTheDocumentFromAnXmlFence() {
        assertThat(MjcfExtractor.extract("Here it is:\n```xml\n" + DOC + "\n```\nEnjoy.")).contains(DOC);
    }

    @Test
    void takesAFenceWithoutALanguageToo() {
        assertThat(MjcfExtractor.extract("```\n" + DOC + "\n```")).contains(DOC);
    }

    @Test
    void takesTheLastOfSeveralDocumentsAndSkipsOtherCode() {
        String draft = DOC.replace("\"m\"", "\"draft\"");
        String reply = "Draft:\n```xml\n" + draft + "\n```\nRun it with:\n```bash\n./simcast step\n```\n"
                + "Final:\n```xml\n" + DOC + "\n```";
        assertThat(MjcfExtractor.extract(reply)).contains(DOC);
    }

    @Test
    void takesABareDocumentFromProse() {
        assertThat(MjcfExtractor.extract("Sure! " + DOC + " That is all.")).contains(DOC);
    }

    @Test
    void findsNothingInProseOrInADocumentCutOffBeforeItsEnd() {
        assertThat(MjcfExtractor.extract("I would add a ramp and three boxes.")).isEmpty();
        assertThat(MjcfExtractor.extract("```xml\n<mujoco model=\"m\">\n  <worldbody>\n    <body name=")).isEmpty();
        assertThat(MjcfExtractor.extract(null)).isEmpty();
    }
}
