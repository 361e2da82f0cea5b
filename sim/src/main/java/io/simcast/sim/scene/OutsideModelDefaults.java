package io.simcast.sim.scene;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes MuJoCo 2.2.2 read outside MJCF the way MuJoCo 3 does: {@code autolimits="true"} unless the document says
 * otherwise. The compiler element is inserted on the line of the {@code <mujoco>} tag, so every line number MuJoCo
 * reports still matches the user's text. URDF and documents that mention autolimits are left alone.
 */
final class OutsideModelDefaults {
    private static final Pattern MUJOCO_TAG = Pattern.compile("<mujoco\\b[^>]*?(/?)>");

    private OutsideModelDefaults() {}

    static String apply(String xml) {
        if (xml.contains("autolimits")) {
            return xml;
        }
        Matcher tag = MUJOCO_TAG.matcher(xml);
        if (!tag.find() || !tag.group(1).isEmpty()) {
            return xml;
        }
        return xml.substring(0, tag.end()) + "<compiler autolimits=\"true\"/>" + xml.substring(tag.end());
    }
}
