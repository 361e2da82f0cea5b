package io.simcast.streaming.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;

/**
 * Serves the browser page (client/ at the repository root, bundled into the streaming jar by client/build.mjs) from
 * the class path. {@code /} is index.html; anything else that is not a file goes to {@code next}. Undertow IO threads.
 */
public final class StaticFiles {
    /** Where the build puts the bundled page inside the jar. */
    public static final String CLIENT_FOLDER = "io/simcast/streaming/client";

    private StaticFiles() {}

    public static HttpHandler client(HttpHandler next) {
        ResourceHandler handler = new ResourceHandler(
                new ClassPathResourceManager(StaticFiles.class.getClassLoader(), CLIENT_FOLDER), next);
        handler.setWelcomeFiles("index.html");
        handler.setDirectoryListingEnabled(false);
        // The page is small and changes with the host: always revalidate, so an upgrade never mixes versions.
        handler.setCacheTime(0);
        return handler;
    }
}
