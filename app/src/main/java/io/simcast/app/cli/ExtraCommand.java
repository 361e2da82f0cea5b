package io.simcast.app.cli;

/**
 * A subcommand that lives outside the product, such as {@code simcast bench}: a picocli {@code @Command} class found
 * through {@link java.util.ServiceLoader} when its module is on the class path (as {@code ./simcast} puts it), and
 * absent from the installed product. Implementations need a public no-argument constructor.
 */
public interface ExtraCommand {}
