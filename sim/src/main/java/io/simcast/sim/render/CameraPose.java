package io.simcast.sim.render;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where one view's camera is, as MuJoCo's {@code mjvCamera} holds it: the model's fixed camera it looks through, if
 * any (its index in model order, and its name, or the label "camera 2" when unnamed), and the free camera's orbit:
 * the point it looks at, its distance in metres, azimuth and elevation in degrees (kept while a fixed camera is in
 * use). Immutable; any thread.
 */
public record CameraPose(OptionalInt fixed, Optional<String> fixedName, double[] lookAt, double distance,
                         double azimuth, double elevation) {
    public CameraPose {
        lookAt = lookAt.clone();
    }

    @Override
    public double[] lookAt() {
        return lookAt.clone();
    }
}
