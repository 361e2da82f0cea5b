package io.simcast.streaming.host;

import io.simcast.generate.SceneGenerator;
import io.simcast.sim.physics.SceneLoading;
import io.simcast.sim.physics.Simulation;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.rl.RlSessions;
import io.simcast.streaming.watch.WatchSources;
import java.net.URI;
import java.util.function.Supplier;

/**
 * What a running host lends its {@link HostExtension}s: the shared simulation and its renderer, the same scene
 * loading the REST API uses, the host's RL environments (which the page's Watch list shows), its share links and the
 * address links start with, scene generation from plain language, and where to publish sandboxes people may watch. Immutable; the parts are the host's, which
 * closes them.
 *
 * @param pageAddress where people open the page (known once the host is bound)
 * @param generator a new generator with the host's language-model settings, per use
 * @param sandboxes the page's Watch list of sandboxes (an extension publishes its private simulations there)
 */
public record HostServices(Simulation simulation, Rendering rendering, SceneLoading scenes, RlSessions rl,
                           ShareLinks links, Supplier<URI> pageAddress, Supplier<SceneGenerator> generator,
                           WatchSources sandboxes) {}
