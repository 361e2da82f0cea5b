package io.simcast.streaming;

/**
 * Something a viewer may watch instead of the host's simulation: an RL environment copy ({@code rl.CopyRef}) or a
 * sandbox that another part of Simcast runs and publishes ({@code watch.SandboxRef}, an MCP session's). Immutable
 * values, usable as keys; watching the simulation is the absence of one.
 */
public interface WatchRef {
    /** What a viewer watching the live simulation watches, on the wire. */
    String SIMULATION = "simulation";

    /** This kind of source's name in {@code watch} messages: {@code rl} or {@code sandbox}. */
    String source();
}
