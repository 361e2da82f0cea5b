package io.simcast.sim.scene;

/**
 * A scene shipped with Simcast.
 *
 * @param id stable identifier ({@code ./simcast step --scene ID})
 * @param title name shown in pickers
 * @param description one line saying what it is
 * @param file resource file name next to {@code presets.json}
 */
public record Preset(String id, String title, String description, String file) {}
