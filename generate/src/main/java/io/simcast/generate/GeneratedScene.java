package io.simcast.generate;

import io.simcast.sim.scene.Scene;

/**
 * A generated scene that compiled and passed the run check; immutable, so any thread may take it. The receiver owns
 * the scene's model reference: it loads the scene ({@code SimCommand.LoadScene} takes the reference) or calls
 * {@code scene.release()}.
 *
 * @param scene the compiled scene
 * @param xml the MJCF as the model wrote it (what {@code scene.xml()} also returns)
 * @param provider the provider that wrote it
 * @param model the model that wrote it
 * @param attempts how many replies it took
 */
public record GeneratedScene(Scene scene, String xml, Provider provider, String model, int attempts) {}
