package app.scribe.ui.common;

import app.scribe.ErrorLog;
import javafx.geometry.Rectangle2D;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between sessions (java.util.prefs): the last book (or books) and model, the recent models, the
 * window's bounds, the divider positions and the loss units. The node is {@code /app/scribe} in the user's
 * preferences, or the one the system property {@code scribe.prefs} names (tests use their own). Files that have
 * gone are left out when read.
 */
public final class UserPreferences {
    public static final String NODE_PROPERTY = "scribe.prefs";
    static final int MAX_RECENT = 8;
    private static final String LAST_BOOKS = "lastBooks";
    private static final String LAST_MODEL = "lastModel";
    private static final String RECENT = "recentModels";
    private static final String WINDOW = "window";
    private static final String DIVIDERS = "dividers";
    private static final String UNITS = "units";

    private final Preferences node;

    public UserPreferences(Preferences node) {
        this.node = node;
    }

    public static UserPreferences ofUser() {
        return new UserPreferences(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, "/app/scribe")));
    }

    /** The books of the last corpus that still exist. */
    public List<Path> lastBooks() {
        return files(LAST_BOOKS);
    }

    public Optional<Path> lastModel() {
        return existing(node.get(LAST_MODEL, null));
    }

    /** Newest first, at most {@link #MAX_RECENT}, only files that still exist. */
    public List<Path> recentModels() {
        return files(RECENT).stream().limit(MAX_RECENT).toList();
    }

    private List<Path> files(String key) {
        List<Path> files = new ArrayList<>();
        for (String line : node.get(key, "").split("\n")) {
            existing(line).ifPresent(files::add);
        }
        return files.stream().distinct().toList();
    }

    /** The window's last bounds, if there are any and they are of a usable size. */
    public Optional<Rectangle2D> window() {
        double[] b = numbers(node.get(WINDOW, ""));
        return b.length == 4 && b[2] >= 200 && b[3] >= 150 ? Optional.of(new Rectangle2D(b[0], b[1], b[2], b[3]))
                : Optional.empty();
    }

    public double[] dividers() {
        return numbers(node.get(DIVIDERS, ""));
    }

    public Optional<String> units() {
        return Optional.ofNullable(node.get(UNITS, null));
    }

    /** Writes everything at once, when the window closes. */
    public void save(List<Path> lastBooks, Path lastModel, List<Path> recentModels, Rectangle2D window, double[] dividers,
              String units) {
        node.put(LAST_BOOKS, lines(lastBooks));
        if (lastModel == null) {
            node.remove(LAST_MODEL);
        } else {
            node.put(LAST_MODEL, lastModel.toAbsolutePath().toString());
        }
        node.put(RECENT, lines(recentModels.stream().limit(MAX_RECENT).toList()));
        node.put(WINDOW, window.getMinX() + " " + window.getMinY() + " " + window.getWidth() + " " + window.getHeight());
        node.put(DIVIDERS, String.join(" ", Arrays.stream(dividers).mapToObj(Double::toString).toList()));
        if (units != null) {
            node.put(UNITS, units);
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            ErrorLog.write(e); // losing the window's layout is no reason to stop the app from closing
        }
    }

    /** The new list of recent models after {@code file} was opened or saved: it first, without repeats. */
    public static List<Path> withRecent(List<Path> recent, Path file) {
        LinkedHashSet<Path> list = new LinkedHashSet<>();
        list.add(file.toAbsolutePath().normalize());
        list.addAll(recent);
        return list.stream().limit(MAX_RECENT).toList();
    }

    private static String lines(List<Path> files) {
        return String.join("\n", files.stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    private static Optional<Path> existing(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(value);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static double[] numbers(String text) {
        if (text.isBlank()) {
            return new double[0];
        }
        try {
            return Arrays.stream(text.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }
}
