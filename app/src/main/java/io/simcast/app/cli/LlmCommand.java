package io.simcast.app.cli;

import io.simcast.generate.ConnectionTester;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.Provider;
import io.simcast.generate.ProviderSettings;
import io.simcast.generate.ProviderStatus;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast llm}: set up the language models scene generation uses, from a terminal. Keys are read from stdin or
 * typed hidden, never taken as arguments (those end up in shell history and {@code ps}).
 */
@Command(name = "llm", mixinStandardHelpOptions = true,
        description = "Set up the language models used by 'simcast generate'.",
        subcommands = {LlmCommand.ListProviders.class, LlmCommand.Set.class, LlmCommand.Remove.class,
                LlmCommand.Test.class})
final class LlmCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The providers that are set up, with their models; never the keys.")
    static final class ListProviders implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LlmConfiguration configuration = LlmConfiguration.forThisUser();
            List<ProviderStatus> statuses = configuration.list();
            PrintWriter out = spec.commandLine().getOut();
            if (statuses.isEmpty()) {
                out.println("No language model is set up; add one with: "
                        + "simcast llm set --provider openai --key-stdin < key.txt");
            }
            for (ProviderStatus status : statuses) {
                out.printf("%-17s  %-24s  %s  %s%s%n", status.provider().id(), status.model(), status.baseUrl(),
                        status.keyStored() ? "key stored" : "no key", status.isDefault() ? "  (default)" : "");
            }
            out.println("Keys are kept in " + configuration.keyStorage());
            out.flush();
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a provider up or change its settings; it becomes the default.")
    static final class Set implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--provider", required = true, paramLabel = "P",
                description = "openai, anthropic, gemini or openai-compatible.")
        String provider;

        @Option(names = "--model", paramLabel = "NAME", description = "Model name (default: the provider's).")
        String model;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "API address; required for openai-compatible, e.g. http://localhost:11434/v1.")
        String baseUrl;

        @Option(names = "--key-stdin", description = "Read the API key from stdin (else it is asked for, hidden; "
                + "none keeps the stored key).")
        boolean keyFromStdin;

        @Override
        public Integer call() throws Exception {
            Provider chosen = Provider.fromId(provider);
            ProviderSettings settings = new ProviderSettings(chosen, readKey(chosen), model, baseUrl);
            ProviderStatus status = LlmConfiguration.forThisUser().configure(settings);
            PrintWriter out = spec.commandLine().getOut();
            out.println(chosen.displayName() + " is set up with model " + status.model() + " at " + status.baseUrl()
                    + (status.keyStored() ? "; its key is stored" : "; no key"));
            out.flush();
            return 0;
        }

        private String readKey(Provider chosen) throws IOException {
            if (keyFromStdin) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            Console console = System.console();
            if (console == null) {
                return null;
            }
            char[] typed = console.readPassword("API key for %s (hidden; Enter keeps the stored one): ",
                    chosen.displayName());
            return typed == null ? null : new String(typed);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a provider and delete its key.")
    static final class Remove implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--provider", required = true, paramLabel = "P")
        String provider;

        @Override
        public Integer call() throws Exception {
            Provider chosen = Provider.fromId(provider);
            boolean removed = LlmConfiguration.forThisUser().remove(chosen);
            PrintWriter out = spec.commandLine().getOut();
            out.println(removed ? chosen.displayName() + " removed; its key is deleted"
                    : chosen.displayName() + " was not set up");
            out.flush();
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Send the provider a one-line request and report its answer or its error.")
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--provider", required = true, paramLabel = "P")
        String provider;

        @Override
        public Integer call() {
            ConnectionTester.Report report = new ConnectionTester(LlmConfiguration.forThisUser(),
                    ConnectionTester.DEFAULT_TIMEOUT).test(Provider.fromId(provider));
            PrintWriter out = report.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            out.println(report.message());
            out.flush();
            return report.ok() ? 0 : 1;
        }
    }
}
