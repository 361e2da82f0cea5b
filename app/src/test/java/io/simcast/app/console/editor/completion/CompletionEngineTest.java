package io.simcast.app.console.editor.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.editor.completion.Completion.Kind;
import io.simcast.sim.scene.MjcfSchema;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletionEngineTest {
    private final CompletionEngine engine = new CompletionEngine(MjcfSchema.mujoco());

    /** Completion where the text has its '|'. */
    private Optional<Completion> at(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        return engine.complete(textWithCaret.replace("|", ""), caret);
    }

    @Test
    void offersGeomInsideABody() {
        Completion completion = at("<mujoco><worldbody><body><|").orElseThrow();
        assertThat(completion.kind()).isEqualTo(Kind.ELEMENT);
        assertThat(completion.candidates()).contains("geom", "joint", "body");
    }

    @Test
    void narrowsElementsToWhatIsTyped() {
        Completion completion = at("<mujoco><worldbody><body><ge|").orElseThrow();
        assertThat(completion.candidates()).containsExactly("geom");
        assertThat(completion.from()).isEqualTo("<mujoco><worldbody><body><".length());
        assertThat(completion.insertion("geom")).isEqualTo("geom");
    }

    @Test
    void offersSizeOnAGeom() {
        Completion completion = at("<mujoco><worldbody><geom |/></worldbody></mujoco>").orElseThrow();
        assertThat(completion.kind()).isEqualTo(Kind.ATTRIBUTE);
        assertThat(completion.candidates()).contains("size", "type", "rgba");
        assertThat(completion.insertion("size")).isEqualTo("size=\"\"");
        assertThat(completion.caretAfter("size")).isEqualTo(completion.from() + "size=\"".length());
    }

    @Test
    void leavesOutAttributesAlreadyWritten() {
        Completion completion = at("<mujoco><worldbody><geom size=\"1\" type=\"sphere\" s|/>").orElseThrow();
        assertThat(completion.candidates()).doesNotContain("size").contains("solref", "solimp");
    }

    @Test
    void offersNothingInsideAValueOrAComment() {
        assertThat(at("<mujoco><option timestep=\"0.0|")).isEmpty();
        assertThat(at("<mujoco><!-- <bo| -->")).isEmpty();
    }

    @Test
    void betweenTagsOffersTheChildrenWithTheirBracket() {
        Completion completion = at("<mujoco>\n  |\n</mujoco>").orElseThrow();
        assertThat(completion.kind()).isEqualTo(Kind.NEW_ELEMENT);
        assertThat(completion.candidates()).contains("worldbody", "option", "asset", "actuator");
        assertThat(completion.insertion("option")).isEqualTo("<option");
    }

    @Test
    void anEndTagOffersTheElementItCloses() {
        assertThat(at("<mujoco><worldbody></|").orElseThrow().candidates()).containsExactly("worldbody");
    }

    @Test
    void theReplacedRangeCoversTheRestOfTheWord() {
        Completion completion = at("<mujoco><worldbody><geom si|ze=\"1\"/>").orElseThrow();
        assertThat(completion.candidates()).isEmpty(); // size is written already; "si" matches nothing else
        Completion element = at("<mujoco><worldbody><bo|dy>").orElseThrow();
        assertThat(element.to()).isEqualTo("<mujoco><worldbody><body".length());
    }
}
