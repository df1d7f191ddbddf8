package app.scribe.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The look: AtlantaFX's Primer theme, light or dark, as the user-agent stylesheet under scribe.css, which adds the
 * {@code dark} style class to the scene's root for its own dark colours. The user's choice (System, Light or Dark) is
 * kept in a preferences node; System follows the desktop where it can be read, else light.
 */
public final class Theme {
    public enum Choice { SYSTEM, LIGHT, DARK }

    /** Names the app's preferences node (a path under the user root); tests point it at their own. */
    public static final String NODE_PROPERTY = UserPreferences.NODE_PROPERTY;
    public static final String DARK_CLASS = "dark";
    public static final String KEY = "theme";

    private final Preferences root;
    private final String path;

    /** The choice is kept in the node at {@code path} under {@code root}, which is created only when written. */
    public Theme(Preferences root, String path) {
        this.root = root;
        this.path = path;
    }

    /** The theme kept in the app's preferences node. */
    public static Theme ofUser() {
        return new Theme(Preferences.userRoot(), System.getProperty(NODE_PROPERTY, "/app/scribe"));
    }

    public Choice stored() {
        try {
            return root.nodeExists(path) ? Choice.valueOf(root.node(path).get(KEY, Choice.SYSTEM.name()))
                    : Choice.SYSTEM;
        } catch (BackingStoreException | IllegalArgumentException e) {
            return Choice.SYSTEM;
        }
    }

    /** Applies the choice to the scene (and every window: the user-agent stylesheet is the app's) and keeps it. */
    public void apply(Scene scene, Choice choice) {
        root.node(path).put(KEY, choice.name());
        show(scene, choice);
    }

    /** Applies the kept choice without writing anything. */
    public void applyStored(Scene scene) {
        show(scene, stored());
    }

    private static void show(Scene scene, Choice choice) {
        boolean dark = choice == Choice.DARK || choice == Choice.SYSTEM && systemIsDark();
        Application.setUserAgentStylesheet(userAgentStylesheet(dark));
        List<String> classes = scene.getRoot().getStyleClass();
        classes.remove(DARK_CLASS);
        if (dark) {
            classes.add(DARK_CLASS);
        }
    }

    /**
     * AtlantaFX's Primer stylesheet with its menu items made as compact as the platform look's. A choice box is as
     * wide as its menu, which is styled by this stylesheet alone until it is first shown (scribe.css reaches it only
     * then), so the rule has to be here: a data URL importing Primer, then the rule.
     */
    public static String userAgentStylesheet(boolean dark) {
        String primer = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        String css = "@import url(\"" + Theme.class.getResource(primer).toExternalForm() + "\");\n"
                + ".context-menu { -fx-padding: 0; }\n"
                + ".menu-item { -fx-padding: 3px 5px 3px 5px; }\n"
                + ".menu-item > .left-container { -fx-padding: 0 0.4em 0 0; }\n"
                + ".menu-item > .right-container { -fx-padding: 0; }\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the desktop asks for dark colours: GNOME's colour scheme or GTK theme, macOS's interface style. */
    static boolean systemIsDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return answer("defaults", "read", "-g", "AppleInterfaceStyle").toLowerCase(Locale.ROOT).contains("dark");
        }
        if (os.startsWith("windows")) {
            return answer("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").contains("0x0");
        }
        String gtkTheme = System.getenv("GTK_THEME");
        return isDarkGnome(answer("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"),
                gtkTheme != null ? gtkTheme : answer("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
    }

    /** GNOME 42's {@code 'prefer-dark'}, else a GTK theme named dark (Adwaita-dark, {@code Adwaita:dark}). */
    public static boolean isDarkGnome(String colorScheme, String gtkTheme) {
        return colorScheme.contains("prefer-dark") || gtkTheme.toLowerCase(Locale.ROOT).contains("dark");
    }

    /** What a command prints, or "" when it is missing, fails or takes over two seconds. */
    private static String answer(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                return "";
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? out.strip() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
