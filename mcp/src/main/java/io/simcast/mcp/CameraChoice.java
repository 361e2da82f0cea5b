package io.simcast.mcp;

/** Where a picture is taken from: the model's default free camera, one of its named cameras, or a free pose. */
sealed interface CameraChoice {
    /** What the page shows first: MuJoCo's default free camera for the model. */
    record ModelDefault() implements CameraChoice {}

    /** A camera the model defines, by name. */
    record Named(String name) implements CameraChoice {}

    /** A free camera looking at a point from a distance, turned by azimuth and elevation in degrees. */
    record Free(double[] lookAt, double distance, double azimuth, double elevation) implements CameraChoice {}
}
