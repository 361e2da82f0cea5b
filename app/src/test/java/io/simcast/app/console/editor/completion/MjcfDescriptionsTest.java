package io.simcast.app.console.editor.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.scene.MjcfSchema;
import io.simcast.sim.scene.MjcfSchema.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A line on every element and attribute of MuJoCo 2.2.2's schema, short enough for the completion list. */
class MjcfDescriptionsTest {
    private static final int LONGEST = 64;
    private final MjcfDescriptions descriptions = MjcfDescriptions.builtIn();

    @Test
    void everyElementAndAttributeOfTheSchemaHasOneShortLine() {
        List<Place> places = MjcfSchema.mujoco().outline().places();
        List<String> missing = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        for (Place parent : places) {
            for (int child : parent.children()) {
                Place place = places.get(child);
                Optional<String> under = parent.name().isEmpty() || places.indexOf(parent) == 0 ? Optional.empty()
                        : Optional.of(parent.name());
                check(descriptions.element(under, place.name()), place.name(), missing, tooLong);
                for (String attribute : place.attributes()) {
                    check(descriptions.attribute(place.name(), attribute), place.name() + "." + attribute, missing,
                            tooLong);
                }
            }
        }
        assertThat(missing).as("without a description").isEmpty();
        assertThat(tooLong).as("longer than %d characters", LONGEST).isEmpty();
    }

    private static void check(Optional<String> line, String what, List<String> missing, List<String> tooLong) {
        if (line.isEmpty() || line.get().isBlank()) {
            missing.add(what);
        } else if (line.get().length() > LONGEST || line.get().contains("\n")) {
            tooLong.add(what);
        }
    }

    @Test
    void theSameNameIsDescribedByWhereItStands() {
        assertThat(descriptions.element(Optional.of("body"), "joint")).contains(
                "A joint: degrees of freedom relative to the parent body");
        assertThat(descriptions.element(Optional.of("equality"), "joint")).contains(
                "Couples two joints with a polynomial");
        assertThat(descriptions.attribute("geom", "type")).get().asString().startsWith("plane, hfield, sphere");
        assertThat(descriptions.attribute("joint", "type")).get().asString().startsWith("free, ball, slide");
        assertThat(descriptions.attribute("geom", "pos")).contains("Position (x y z) in the parent's frame");
        assertThat(descriptions.attribute("rgba", "contactforce")).contains("Colour of contactforce when drawn");
    }
}
