package io.simcast.streaming.host;

import io.simcast.generate.SceneGenerator;
import io.simcast.sim.physics.SceneLoading;
import io.simcast.sim.physics.Simulation;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.rl.RlSessions;
import java.net.URI;
import java.util.function.Supplier;

/**
 * What a running host lends its {@link HostExtension}s: the shared simulation and its renderer, the same scene
 * loading the REST API uses, the host's RL environments (which the page's Watch list shows), its share links and the
 * address links start with, and scene generation from plain language. Immutable; the parts are the host's, which
 * closes them.
 *
 * @param pageAddress where people open the page (known once the host is bound)
 * @param generator a new generator with the host's language-model settings, per use
 */
public record HostServices(Simulation simulation, Rendering rendering, SceneLoading scenes, RlSessions rl,
                           ShareLinks links, Supplier<URI> pageAddress, Supplier<SceneGenerator> generator) {}
