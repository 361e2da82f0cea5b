package io.simcast.streaming.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.streaming.Role;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.access.Grant;
import org.junit.jupiter.api.Test;

/** No link can lock others out: a place kept for the operator and controllers, and a cap per address. */
class ViewerRegistryTest {
    private static final Grant VIEWER_LINK = new Grant(Role.VIEWER, "viewers1");
    private static final Grant CONTROLLER_LINK = new Grant(Role.CONTROLLER, "control1");

    private static Viewer admit(ViewerRegistry registry, Grant grant, String address) throws ViewerRefusedException {
        return registry.admit(Door.WEBSOCKET, ViewMode.OWN, ViewerChannel.NONE, grant, 100, address, viewer -> null);
    }

    @Test
    void viewerLinksCannotTakeTheLastPlaceTheOperatorAndControllersCan() throws Exception {
        ViewerRegistry registry = new ViewerRegistry(3, 10);
        admit(registry, VIEWER_LINK, "203.0.113.1");
        admit(registry, VIEWER_LINK, "203.0.113.2");

        assertThatThrownBy(() -> admit(registry, VIEWER_LINK, "203.0.113.3"))
                .isInstanceOf(ViewerRefusedException.class)
                .hasMessage("This host is full: it serves at most 2 viewers at once. Try again when someone leaves");
        admit(registry, CONTROLLER_LINK, "203.0.113.4");
        assertThat(registry.count()).isEqualTo(3);
    }

    @Test
    void theOperatorGetsTheKeptPlaceToo() throws Exception {
        ViewerRegistry registry = new ViewerRegistry(2, 10);
        admit(registry, VIEWER_LINK, "203.0.113.1");

        admit(registry, Grant.OPERATOR, "127.0.0.1");

        assertThat(registry.count()).isEqualTo(2);
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfPlacesTheOperatorIsNotCounted() throws Exception {
        ViewerRegistry registry = new ViewerRegistry(16);
        for (int i = 0; i < 8; i++) {
            admit(registry, CONTROLLER_LINK, "198.51.100.7");
        }
        admit(registry, Grant.OPERATOR, "198.51.100.7");

        assertThatThrownBy(() -> admit(registry, VIEWER_LINK, "198.51.100.7"))
                .isInstanceOf(ViewerRefusedException.class)
                .hasMessage("Your address already has 8 viewers on this host, as many as one address may have;"
                        + " close one or try again later")
                .extracting(e -> ((ViewerRefusedException) e).reason()).isEqualTo("address_limit");
        admit(registry, VIEWER_LINK, "198.51.100.8");
    }
}
