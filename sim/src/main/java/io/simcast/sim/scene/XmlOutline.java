package io.simcast.sim.scene;

import static io.simcast.sim.mujoco.global.MuJoCo.simcast_xml_outline;

import io.simcast.sim.core.MuJoCoLibrary;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;

/**
 * A document as MuJoCo 2.2.2 reads it: parsed by the same tinyxml2 MuJoCo links (native side:
 * {@code simcast_xml.h}), so every element name, attribute value, entity and line is exactly what MuJoCo will see.
 * No other parser can promise that, and the sandbox is only as good as that promise.
 *
 * @param nodes every element and every {@code <!...>} node, in document order; empty when the text is not XML
 * @param error tinyxml2's complaint when the text is not XML (MuJoCo will refuse it with the same words)
 */
record XmlOutline(List<Node> nodes, Optional<String> error) {

    /** An element or a {@code <!...>} node (tinyxml2's "unknown": a DOCTYPE, for one). */
    sealed interface Node {
        int line();
    }

    /** An element with its attributes in document order (duplicates kept, as tinyxml2 keeps them). */
    record Element(int depth, int line, String name, List<Attribute> attributes) implements Node {}

    /** A {@code <!...>} node that is neither a comment nor CDATA; {@code text} is what follows {@code <!}. */
    record Unknown(int depth, int line, String text) implements Node {}

    /**
     * One attribute; {@code value} is decoded as tinyxml2 decodes it (entities, numeric references).
     *
     * @param plain false when the value holds bytes that are not UTF-8 (shown as U+FFFD here, raw for MuJoCo)
     */
    record Attribute(String name, String value, int line, boolean plain) {}

    /** Parses {@code bytes} as MuJoCo parses a model file (the root from memory, an include from disk). */
    static XmlOutline read(byte[] bytes) {
        MuJoCoLibrary.load();
        byte[] outline;
        try (BytePointer text = new BytePointer(bytes);
                BytePointer result = simcast_xml_outline(text, bytes.length)) {
            outline = result.getStringBytes();
        }
        return new Fields(outline).outline();
    }

    /** The native side's length-prefixed fields: {@code <decimal length>:<bytes>}. */
    private static final class Fields {
        private final byte[] bytes;
        private int position;

        Fields(byte[] bytes) {
            this.bytes = bytes;
        }

        XmlOutline outline() {
            if (text().equals("error")) {
                String id = text();
                return new XmlOutline(List.of(), Optional.of("tinyxml2 error " + id + ": " + text()));
            }
            List<Node> nodes = new ArrayList<>();
            while (position < bytes.length) {
                String kind = text();
                int depth = number();
                int line = number();
                if (kind.equals("unknown")) {
                    nodes.add(new Unknown(depth, line, text()));
                    continue;
                }
                String name = text();
                int count = number();
                List<Attribute> attributes = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String attribute = text();
                    byte[] value = field();
                    Optional<String> strict = strictUtf8(value);
                    attributes.add(new Attribute(attribute,
                            strict.orElseGet(() -> new String(value, StandardCharsets.UTF_8)), number(),
                            strict.isPresent()));
                }
                nodes.add(new Element(depth, line, name, List.copyOf(attributes)));
            }
            return new XmlOutline(List.copyOf(nodes), Optional.empty());
        }

        private byte[] field() {
            int colon = position;
            while (bytes[colon] != ':') {
                colon++;
            }
            int length = Integer.parseInt(new String(bytes, position, colon - position, StandardCharsets.US_ASCII));
            byte[] field = new byte[length];
            System.arraycopy(bytes, colon + 1, field, 0, length);
            position = colon + 1 + length;
            return field;
        }

        private String text() {
            return new String(field(), StandardCharsets.UTF_8);
        }

        private int number() {
            return Integer.parseInt(text());
        }
    }

    private static Optional<String> strictUtf8(byte[] value) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
