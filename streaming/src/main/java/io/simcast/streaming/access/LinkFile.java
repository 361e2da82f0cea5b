package io.simcast.streaming.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.sim.PrivateFiles;
import io.simcast.streaming.Role;
import io.simcast.streaming.StreamingMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Share links in a JSON file that only the user may read (mode 0600, written whole or not at all): each link's id,
 * role, digest, times and viewer limit, never a token. A file that cannot be understood is moved aside (its name
 * gains {@code .unreadable}) so nothing in it is lost, and the host starts without links, saying so in its log.
 * Called under {@link ShareLinks}'s lock.
 */
final class LinkFile implements LinkStore {
    private static final Logger log = LoggerFactory.getLogger(LinkFile.class);
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path file;

    LinkFile(Path file) {
        this.file = file;
    }

    /** The file's content. */
    private record Document(@JsonProperty("version") int version, @JsonProperty("links") List<Entry> links) {}

    /** One link, times in ISO-8601. */
    private record Entry(@JsonProperty("id") String id, @JsonProperty("role") String role,
                         @JsonProperty("digest") String digest, @JsonProperty("created") String created,
                         @JsonProperty("expires") String expires, @JsonProperty("maxViewers") int maxViewers,
                         @JsonProperty("unopened") boolean unopened) {
        static Entry of(Kept kept) {
            ShareLink link = kept.link();
            return new Entry(link.id(), link.role().wireName(), kept.digest(), link.created().toString(),
                    link.expires() == null ? null : link.expires().toString(), link.maxViewers(), link.unopened());
        }

        Kept kept() {
            return new Kept(digest, new ShareLink(id, Role.parseLinkRole(role), Optional.empty(), Instant.parse(created),
                    expires == null ? null : Instant.parse(expires), maxViewers, unopened));
        }
    }

    @Override
    public List<Kept> load() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            PrivateFiles.restrictToOwner(file); // ours: tighten it again if someone loosened it
            Document document = JSON.readValue(bytes, Document.class);
            if (document.version() != VERSION || document.links() == null) {
                throw new IOException("version " + document.version() + ", this Simcast reads " + VERSION);
            }
            return document.links().stream().map(Entry::kept).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                aside = file;
            }
            log.warn("{}", StreamingMessages.linkFileUnreadable(file, aside, StreamingMessages.reason(e)));
            return List.of();
        }
    }

    @Override
    public void save(List<Kept> links) {
        try {
            PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Document(VERSION, links.stream().map(Entry::of).toList())));
        } catch (IOException e) {
            log.warn("{}", StreamingMessages.linkFileUnwritable(file, StreamingMessages.reason(e)));
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
