package app.scribe.ui;

import app.scribe.ui.common.UserPreferences;

import app.scribe.ShippedBooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app started from another working folder still lists the shipped books, and writes nothing there. */
@Tag("ui")
class RunsAnywhereTest {
    @TempDir
    Path elsewhere;
    @TempDir
    Path home;

    @Test
    void theShippedBooksAreFoundFromAnyWorkingFolder() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text",
                "java.awt.headless", UserPreferences.NODE_PROPERTY, "java.util.prefs.userRoot")) {
            command.add("-D" + property + "=" + System.getProperty(property));
        }
        command.add("-Dscribe.home=" + home);
        command.add(ListShippedBooks.class.getName());
        Process app = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(app.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, app.exitValue(), out);

        List<Path> books = out.lines().filter(line -> line.startsWith("book=")).map(line -> Path.of(line.substring(5)))
                .toList();
        Path shipped = ShippedBooks.folder();
        assertEquals(List.of(shipped.resolve("kjv_bible.txt"), shipped.resolve("vanity_fair.txt")),
                books.stream().sorted().toList(), out);
        assertTrue(books.stream().allMatch(book -> book.isAbsolute() && Files.isRegularFile(book)), out);
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertEquals(List.of(), left.toList(), "the app wrote nothing into its working folder");
        }
        assertTrue(Files.notExists(home.resolve("models")), "listing models creates no folder");
    }
}
