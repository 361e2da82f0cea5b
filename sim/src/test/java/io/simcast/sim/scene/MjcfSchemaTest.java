package io.simcast.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.mujoco.global.MuJoCo;
import io.simcast.sim.core.MuJoCoLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MjcfSchemaTest {
    private final MjcfSchema schema = MjcfSchema.mujoco();

    @Test
    void theResourceIsWhatTheLinkedMuJoCoPrintsAsItsSchema() throws IOException {
        MuJoCoLibrary.load();
        byte[] buffer = new byte[1 << 20];
        int length = MuJoCo.mj_printSchema((String) null, buffer, buffer.length, 0, 0);
        String printed = new String(buffer, 0, length, StandardCharsets.UTF_8);
        String resource;
        try (InputStream in = MjcfSchema.class.getResourceAsStream("mjcf-schema.txt")) {
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(normalized(resource.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"))))
                .isEqualTo(normalized(printed));
    }

    private static String normalized(String text) {
        return text.lines().map(String::stripTrailing).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aBodyTakesGeomsJointsAndBodies() {
        assertThat(schema.children(List.of("mujoco", "worldbody", "body")))
                .contains("body", "inertial", "joint", "freejoint", "geom", "site", "camera", "light", "composite",
                        "include");
    }

    @Test
    void theWorldBodyTakesNoJointsNoInertiaAndNoAttributes() {
        assertThat(schema.children(List.of("mujoco", "worldbody")))
                .contains("body", "geom", "site", "camera", "light")
                .doesNotContain("joint", "freejoint", "inertial");
        assertThat(schema.attributes(List.of("mujoco", "worldbody"))).isEmpty();
        assertThat(schema.children(List.of("mujoco"))).contains("worldbody").doesNotContain("body");
    }

    @Test
    void bodiesNestAsDeepAsTheyLike() {
        assertThat(schema.attributes(List.of("mujoco", "worldbody", "body", "body", "body", "geom")))
                .contains("size", "type", "fromto", "rgba");
    }

    @Test
    void attributesDependOnWhereAnElementStands() {
        List<String> geomInBody = schema.attributes(List.of("mujoco", "worldbody", "body", "geom"));
        List<String> geomInDefault = schema.attributes(List.of("mujoco", "default", "default", "geom"));
        assertThat(geomInBody).contains("name", "size", "class");
        assertThat(geomInDefault).contains("size").doesNotContain("name", "class");
        assertThat(schema.attributes(List.of("mujoco", "equality", "joint"))).contains("joint1", "joint2",
                "polycoef");
        assertThat(schema.attributes(List.of("mujoco", "tendon", "fixed", "joint"))).containsExactly("joint",
                "coef");
    }

    @Test
    void unknownPlacesOfferNothingAndTheTopOffersMujoco() {
        assertThat(schema.children(List.of("mujoco", "worldbody", "robot"))).isEmpty();
        assertThat(schema.children(List.of("robot"))).isEmpty();
        assertThat(schema.children(List.of())).containsExactly("mujoco");
        assertThat(schema.attributes(List.of("mujoco", "worldbody", "include"))).containsExactly("file");
    }

    @Test
    void knowsEveryElementOfMuJoCo222() {
        // 97 names in the printed schema, "(world)body" as body and worldbody, and include
        assertThat(schema.elementNames()).hasSize(100)
                .contains("mujoco", "worldbody", "body", "include", "geom", "framelinacc", "pin", "bone");
    }

    @Test
    void theOutlineIsAGraphOfPlacesWithBothRulesBuiltIn() {
        List<MjcfSchema.Place> places = schema.outline().places();
        MjcfSchema.Place document = places.getFirst();
        assertThat(document.children()).hasSize(1);
        MjcfSchema.Place mujoco = places.get(document.children().getFirst());
        assertThat(mujoco.name()).isEqualTo("mujoco");
        MjcfSchema.Place world = mujoco.children().stream().map(places::get)
                .filter(place -> place.name().equals("worldbody")).findFirst().orElseThrow();
        MjcfSchema.Place body = places.get(world.children().getFirst());
        assertThat(body.name()).isEqualTo("body");
        assertThat(body.children()).as("a body may hold bodies: it lists itself").contains(places.indexOf(body));
        assertThat(places.stream().skip(1).filter(place -> !place.name().equals("include")))
                .as("include may stand in every element")
                .allSatisfy(place -> assertThat(place.children().stream().map(places::get).map(MjcfSchema.Place::name))
                        .contains("include"));
    }
}
