package io.simcast.app.console.help;

import io.simcast.app.console.keys.ConsoleKey;
import io.simcast.streaming.input.Help;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The help page's HTML: the written page (help.html) with its simulation-key and mouse tables filled in from the
 * shared {@link Help}, the same lines the browser page's F1 panel shows, plus the console's own keys. Immutable.
 */
final class HelpPage {
    private static final String RESOURCE = "/io/simcast/app/console/help/help.html";
    private static final String KEYS = "<!-- simulation keys: filled in from the shared key table (HelpPage) -->";
    private static final String MOUSE = "<!-- mouse: filled in from the shared help (HelpPage) -->";
    private static final String SCREENSHOT = "Save a picture of the view (the console's own key)";

    private HelpPage() {}

    static String html() {
        Help help = Help.of();
        String keys = rows(help.keys(), true) + row("<kbd>" + ConsoleKey.SCREENSHOT.label() + "</kbd>", SCREENSHOT);
        return page().replace(KEYS, keys).replace(MOUSE, rows(help.mouse(), false));
    }

    private static String rows(List<Help.Line> lines, boolean keys) {
        StringBuilder html = new StringBuilder();
        for (Help.Line line : lines) {
            String input = escape(line.input());
            html.append(row(keys ? "<kbd>" + input.replace(" / ", "</kbd> / <kbd>") + "</kbd>" : input,
                    escape(line.does())));
        }
        return html.toString();
    }

    private static String row(String input, String does) {
        return "  <tr><td>" + input + "</td><td>" + does + "</td></tr>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String page() {
        try (InputStream in = HelpPage.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The help page is missing from the console's jar", e);
        }
    }
}
