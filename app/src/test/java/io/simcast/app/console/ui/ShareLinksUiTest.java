package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import io.simcast.app.console.ConsoleOptions;
import io.simcast.app.console.TestOptions;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.streaming.Role;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The share-link section of the viewers panel with the console's embedded host: the operator makes a controller link,
 * the panel shows its address and a QR code that reads back as exactly that address, the host accepts the link's
 * token, and once the operator revokes it the host answers that token with 401. The "Share on the network" switch
 * moves the running host onto this machine's address and back, the link and its QR code following.
 */
class ShareLinksUiTest extends ConsoleUiTest {
    private static final int SCALE = 4;
    private static final int BORDER = 4;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    ConsoleOptions options() {
        return TestOptions.sharing(dataFolder, null);
    }

    private StreamingHost host() {
        return services.sharing().host().orElseThrow();
    }

    private int pause(String token) throws Exception {
        return pause(host().address(), token);
    }

    private int pause(URI base, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/sim/command"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cmd\": \"pause\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aControllerLinkIsShownWithItsQrCodeWorksAndStopsWorkingWhenRevoked() throws Exception {
        showPanel("viewers");
        fx(() -> {
            lookup("#link-role", ChoiceBox.class).setValue(Role.CONTROLLER);
            return null;
        });

        click("#link-create");

        String url = fx(() -> lookup("#link-url", TextField.class).getText());
        assertThat(url).matches("http://127\\.0\\.0\\.1:" + host().address().getPort()
                + "/\\?token=[A-Za-z0-9_-]{32}");
        String token = URI.create(url).getQuery().substring("token=".length());
        assertThat(fx(() -> readModules(lookup("#link-qr", ImageView.class).getImage())))
                .as("the QR code's modules").isEqualTo(modules(QrCode.encodeText(url, QrCode.Ecc.MEDIUM)));
        click("#link-copy");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(url);
        assertThat(pause(token)).as("the host takes the link's token").isEqualTo(200);
        awaitFx("the pause", () -> !snapshot().playing());
        String id = host().links().active().getFirst().id();
        assertThat(fx(() -> lookup("#links", ListView.class).getItems())).hasSize(1);

        click("#revoke-" + id);

        assertThat(host().links().active()).isEmpty();
        assertThat(fx(() -> lookup("#links", ListView.class).getItems())).isEmpty();
        assertThat(pause(token)).as("the revoked token").isEqualTo(401);
        assertThat(fx(() -> lookup("#log", ListView.class).getItems().getLast().toString()))
                .endsWith("Revoked the controller link " + id + "; its viewers were disconnected");
    }

    @Test
    void copyMyPageGivesALinkThatOpensTheOperatorsPageOnce() throws Exception {
        showPanel("viewers");

        click("#share-my-page");

        String url = fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(url).matches("http://127\\.0\\.0\\.1:" + host().address().getPort()
                + "/\\?token=[A-Za-z0-9_-]{32}");
        String once = URI.create(url).getQuery().substring("token=".length());
        assertThat(session(once)).as("the page opens it").isEqualTo(201);
        assertThat(session(once)).as("once").isEqualTo(401);
        assertThat(pause(once)).as("its token does nothing else").isEqualTo(401);
    }

    @Test
    void aLocalOnlyHostSaysSoAndALinksQrCodeCanBeShownLargeForAProjector() {
        showPanel("viewers");
        assertThat(fx(() -> lookup("#sharing-local-only", Label.class).getText()))
                .startsWith("Sharing is local-only: only this computer can open these links.")
                .contains("Share on the network");

        click("#link-create");
        String url = fx(() -> lookup("#link-url", TextField.class).getText());
        click("#link-qr-large");

        awaitFx("the large code", () -> robot().lookup("#large-qr").tryQuery().isPresent());
        ImageView large = lookup("#large-qr", ImageView.class);
        assertThat(fx(() -> large.getBoundsInParent().getWidth())).as("projector size").isGreaterThanOrEqualTo(500);
        assertThat(fx(() -> lookup("#large-qr-url", Label.class).getText())).isEqualTo(url);
        fx(() -> {
            ((Stage) large.getScene().getWindow()).close();
            return null;
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShareOnTheNetworkSwitchMovesTheHostAtOnceAndItsLinksAddressAndQrCodeFollow() throws Exception {
        Assumptions.assumeTrue(NetworkInterface.networkInterfaces().anyMatch(ShareLinksUiTest::reachable),
                "this machine has no network address to share on");
        showPanel("viewers");
        fx(() -> {
            lookup("#link-role", ChoiceBox.class).setValue(Role.CONTROLLER);
            return null;
        });
        click("#link-create");
        String token = URI.create(fx(() -> lookup("#link-url", TextField.class).getText())).getQuery()
                .substring("token=".length());
        assertThat(fx(() -> lookup("#share-network", CheckBox.class).isSelected())).isFalse();

        click("#share-network");

        awaitFx("the host on the network", () -> !lookup("#share-network", CheckBox.class).isDisabled()
                && !loopback(lookup("#share-url", TextField.class).getText()));
        String address = fx(() -> lookup("#share-url", TextField.class).getText());
        assertThat(fx(() -> lookup("#share-network", CheckBox.class).isSelected())).as("switched on").isTrue();
        assertThat(fx(() -> lookup("#sharing-local-only", Label.class).isVisible())).isFalse();
        assertThat(fx(() -> lookup("#share-network-note", Label.class).getText())).isEmpty();
        String url = fx(() -> lookup("#link-url", TextField.class).getText());
        assertThat(url).as("the link at the new address").isEqualTo(address + "?token=" + token);
        assertThat(fx(() -> readModules(lookup("#link-qr", ImageView.class).getImage())))
                .as("the QR code's modules").isEqualTo(modules(QrCode.encodeText(url, QrCode.Ecc.MEDIUM)));
        URI network = URI.create(address);
        assertThat(session(network, "no-such-token")).as("tokens are still required").isEqualTo(401);
        assertThat(pause(network, token)).as("the link made before the move, at the network address")
                .isEqualTo(200);
        assertThat(fx(() -> lookup("#links", ListView.class).getItems())).hasSize(1);

        click("#share-network");

        awaitFx("the host back on this computer only", () -> !lookup("#share-network", CheckBox.class).isDisabled()
                && loopback(lookup("#share-url", TextField.class).getText()));
        assertThat(fx(() -> lookup("#sharing-local-only", Label.class).isVisible())).isTrue();
        assertThat(fx(() -> lookup("#link-url", TextField.class).getText())).startsWith(host().address().toString());
        assertThat(pause(host().address(), token)).as("the link still works").isEqualTo(200);
        assertThat(services.preferences().shareOnNetwork()).as("remembered for the next start").isFalse();
    }

    private static boolean loopback(String address) throws Exception {
        return InetAddress.getByName(URI.create(address).getHost()).isLoopbackAddress();
    }

    private static boolean reachable(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback() && nic.inetAddresses().anyMatch(a -> a instanceof Inet4Address);
        } catch (SocketException e) {
            return false;
        }
    }

    private int session(String token) throws Exception {
        return session(host().address(), token);
    }

    private int session(URI base, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/session"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The image read back module by module: the centre pixel of each, dark or not, inside the quiet zone. */
    private static boolean[][] readModules(Image image) {
        int size = (int) image.getWidth() / SCALE - 2 * BORDER;
        PixelReader pixels = image.getPixelReader();
        boolean[][] modules = new boolean[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                modules[y][x] = pixels.getColor((x + BORDER) * SCALE + SCALE / 2, (y + BORDER) * SCALE + SCALE / 2)
                        .getBrightness() < 0.5;
            }
        }
        return modules;
    }

    private static boolean[][] modules(QrCode code) {
        boolean[][] modules = new boolean[code.size][code.size];
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                modules[y][x] = code.getModule(x, y);
            }
        }
        return modules;
    }
}
