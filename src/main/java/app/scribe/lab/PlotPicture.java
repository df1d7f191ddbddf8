package app.scribe.lab;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A line plot drawn without JavaFX, for the CLI's {@code --png}: each series as a line with its points, an
 * optional spread drawn as error bars, a linear or log-10 y axis, a legend.
 */
public final class PlotPicture {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};
    private static final int W = 900;
    private static final int H = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    public record Series(String name, double[] x, double[] y, double[] spread) {
    }

    private PlotPicture() {
    }

    public static BufferedImage draw(String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double spread = s.spread() == null ? 0 : s.spread()[i];
                double lo = y(s.y()[i] - spread, logY);
                double hi = y(s.y()[i] + spread, logY);
                if (Double.isFinite(y(s.y()[i], logY))) {
                    minX = Math.min(minX, s.x()[i]);
                    maxX = Math.max(maxX, s.x()[i]);
                    minY = Math.min(minY, Double.isFinite(lo) ? lo : y(s.y()[i], logY));
                    maxY = Math.max(maxY, hi);
                }
            }
        }
        if (!(minX < maxX)) {
            minX = Double.isFinite(minX) ? minX - 1 : 0;
            maxX = minX + 2;
        }
        if (!(minY < maxY)) {
            minY = Double.isFinite(minY) ? minY - 1 : 0;
            maxY = minY + 2;
        }
        Frame f = new Frame(minX, maxX, minY, maxY);
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 30);
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (int i = 0; i <= 5; i++) {
            double vx = minX + (maxX - minX) * i / 5;
            double vy = minY + (maxY - minY) * i / 5;
            g.drawString(Numbers.result(Math.round(vx * 1000) / 1000.0), f.px(vx) - 10, H - BOTTOM + 18);
            String label = logY ? "1e" + String.format(Locale.ROOT, "%.1f", vy) : String.format(Locale.ROOT, "%.3g", vy);
            g.drawString(label, 5, f.py(vy) + 4);
        }
        g.drawString(xLabel, W / 2 - 40, H - 15);
        g.drawString(yLabel + (logY ? " (log scale)" : ""), LEFT, TOP - 6);
        g.setStroke(new BasicStroke(2f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(COLOURS[k % COLOURS.length]);
            int lastX = Integer.MIN_VALUE;
            int lastY = 0;
            for (int i = 0; i < s.x().length; i++) {
                double v = y(s.y()[i], logY);
                if (!Double.isFinite(v)) {
                    lastX = Integer.MIN_VALUE;
                    continue;
                }
                int px = f.px(s.x()[i]);
                int py = f.py(v);
                if (lastX != Integer.MIN_VALUE) {
                    g.drawLine(lastX, lastY, px, py);
                }
                g.fillOval(px - 3, py - 3, 6, 6);
                if (s.spread() != null && s.spread()[i] > 0) {
                    int lo = f.py(Math.max(y(s.y()[i] - s.spread()[i], logY), minY));
                    int hi = f.py(y(s.y()[i] + s.spread()[i], logY));
                    g.drawLine(px, lo, px, hi);
                }
                lastX = px;
                lastY = py;
            }
            g.drawString(s.name(), W - RIGHT - 160, TOP + 20 + 18 * k);
        }
        g.dispose();
        return image;
    }

    public static Path write(BufferedImage image, Path file) {
        return NewFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private static double y(double v, boolean log) {
        return log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    private record Frame(double minX, double maxX, double minY, double maxY) {
        int px(double x) {
            return LEFT + (int) Math.round((x - minX) / (maxX - minX) * (W - LEFT - RIGHT));
        }

        int py(double y) {
            return H - BOTTOM - (int) Math.round((y - minY) / (maxY - minY) * (H - TOP - BOTTOM));
        }
    }
}
