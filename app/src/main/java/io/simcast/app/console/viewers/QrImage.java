package io.simcast.app.console.viewers;

import io.nayuki.qrcodegen.QrCode;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A QR code as a picture a phone camera reads off the screen: black modules on white, {@value #BORDER} modules of
 * quiet zone around them (the standard asks for four), {@value #SCALE} pixels per module. Medium error correction:
 * it survives a glare or a smudge on the screen and keeps a link of about a hundred characters at version 5 or so.
 * Pure; any thread (the image is drawn before it is shown).
 */
final class QrImage {
    static final int SCALE = 4;
    static final int BORDER = 4;
    static final QrCode.Ecc CORRECTION = QrCode.Ecc.MEDIUM;

    private QrImage() {}

    static WritableImage of(String text) {
        QrCode code = QrCode.encodeText(text, CORRECTION);
        int side = (code.size + 2 * BORDER) * SCALE;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean dark = code.getModule(x / SCALE - BORDER, y / SCALE - BORDER); // false outside the code
                pixels.setColor(x, y, dark ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
