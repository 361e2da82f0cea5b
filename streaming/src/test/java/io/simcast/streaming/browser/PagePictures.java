package io.simcast.streaming.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.testkit.HeadlessChromium.Page;

/**
 * What a person glancing at the page's video would compare: the picture as 64x48 grey values, and how different
 * two of them are. Shared by the browser tests; any thread.
 */
final class PagePictures {
    /** The video drawn at {@code width} x {@code height}: its RGBA bytes, as a JavaScript function. */
    private static final String PIXELS = """
            ((width, height) => {
              const canvas = document.createElement('canvas');
              canvas.width = width; canvas.height = height;
              const g = canvas.getContext('2d');
              g.drawImage(document.getElementById('video'), 0, 0, width, height);
              return g.getImageData(0, 0, width, height).data;
            })""";
    private static final String PICTURE = """
            (() => {
              const data = %s(64, 48);
              const grey = [];
              for (let i = 0; i < data.length; i += 4) grey.push((data[i] + data[i + 1] + data[i + 2]) / 3);
              return grey;
            })()""".formatted(PIXELS);

    /** Counts the cells of a 160x120 picture whose colour passes {@code test}, a JavaScript test of r, g, b. */
    private static final String COUNT = """
            ((test) => {
              const data = %s(160, 120);
              let count = 0;
              for (let i = 0; i < data.length; i += 4) if (test(data[i], data[i + 1], data[i + 2])) count++;
              return count;
            })((r, g, b) => %%s)""".formatted(PIXELS);

    /** Mean rows (0 at the top, of 48) of the clearly red and the clearly green pixels, or null when one is missing. */
    private static final String RED_AND_GREEN_ROWS = """
            (() => {
              const data = %s(64, 48);
              let red = 0, reds = 0, green = 0, greens = 0;
              for (let i = 0; i < data.length; i += 4) {
                const row = Math.floor(i / 4 / 64), r = data[i], gr = data[i + 1], b = data[i + 2];
                if (r > 180 && gr < 80 && b < 80) { red += row; reds++; }
                if (gr > 180 && r < 80 && b < 80) { green += row; greens++; }
              }
              return reds && greens ? [red / reds, green / greens] : null;
            })()""".formatted(PIXELS);

    /** Mean red, green and blue (0 to 255) of the picture's middle quarter (width and height), a JS expression. */
    static final String MIDDLE_RGB = """
            (() => {
              const data = %s(64, 48);
              const sum = [0, 0, 0];
              let n = 0;
              for (let row = 18; row < 30; row++) {
                for (let col = 24; col < 40; col++, n++) {
                  for (let c = 0; c < 3; c++) sum[c] += data[4 * (row * 64 + col) + c];
                }
              }
              return sum.map((value) => value / n);
            })()""".formatted(PIXELS);

    private PagePictures() {}

    /** Where the page's video shows red and green: {red row, green row} of 48, or null when it lacks one. */
    static double[] redAndGreenRows(Page page) {
        JsonNode rows = page.evaluate(RED_AND_GREEN_ROWS);
        return rows == null || rows.isNull() ? null : new double[] {rows.get(0).asDouble(), rows.get(1).asDouble()};
    }

    /**
     * Cells of the video (160x120, fine enough for a small body) whose colour passes {@code test}, e.g.
     * {@code "g > 150 && r < 100"} for bright green.
     */
    static int cells(Page page, String test) {
        return page.evaluate(COUNT.formatted(test)).asInt();
    }

    /** The video as the page shows it now. */
    static double[] picture(Page page) {
        JsonNode values = page.evaluate(PICTURE);
        double[] grey = new double[values.size()];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = values.get(i).asDouble();
        }
        return grey;
    }

    /**
     * The picture once it holds still: two looks half a second apart with fewer than 5 changed cells. Video reaches
     * the page a moment after the host drew it, and later still on a busy machine, so a picture taken right after a
     * pause may yet change; a picture that never settles fails the test (after a minute).
     */
    static double[] still(Page page) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        double[] last = picture(page);
        while (true) {
            Thread.sleep(500);
            double[] now = picture(page);
            if (changedCells(last, now) < 5) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the picture did not hold still within a minute");
            }
            last = now;
        }
    }

    /** Mean absolute difference of two pictures, 0 to 255. */
    static double difference(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    /**
     * Cells of the 64x48 grid whose grey differs by more than a tenth of the range: where something moved, even
     * when it covers too little of the frame to move the mean (a robot arm in a wide shot).
     */
    static int changedCells(double[] a, double[] b) {
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 25.5) {
                changed++;
            }
        }
        return changed;
    }
}
