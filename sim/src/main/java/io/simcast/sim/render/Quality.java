package io.simcast.sim.render;

/** Rendering quality presets of a view. */
public enum Quality {
    /** No multisampling, no shadows, no reflections: the fastest picture, for software rendering. */
    FAST,
    /** What the model asks for: its multisample count ({@code <quality offsamples>}), shadows and reflections. */
    QUALITY;

    /** Multisamples for a model that asks for {@code modelSamples}. */
    int samples(int modelSamples) {
        return this == FAST ? 0 : modelSamples;
    }
}
