package app.scribe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServeHeapTest {
    private static final long DEFAULT_HEAP = 6L << 30;

    @TempDir
    Path folder;

    @Test
    void aServerGetsAHeapSizedToItsModel() throws IOException {
        Path model = Files.write(folder.resolve("m.scribe"), new byte[4 << 20]);
        String[] args = {"serve", "--model", model.toString(), "--port", "0"};
        assertEquals(Optional.of("-Xmx144m"), ServeHeap.option(args, List.of(), "", DEFAULT_HEAP));
        assertEquals(Optional.of("-Xmx144m"),
                ServeHeap.option(new String[] {"serve", "--model=" + model}, List.of(), "", DEFAULT_HEAP));
    }

    @Test
    void theUsersHeapOtherCommandsAndMissingModelsAreLeftAlone() throws IOException {
        Path model = Files.write(folder.resolve("m.scribe"), new byte[1024]);
        String[] serve = {"serve", "--model", model.toString()};
        assertEquals(Optional.empty(), ServeHeap.option(serve, List.of("-Xmx2g"), "", DEFAULT_HEAP));
        assertEquals(Optional.empty(), ServeHeap.option(serve, List.of(), "-Dx=1 -Xmx64m", DEFAULT_HEAP));
        assertEquals(Optional.empty(), ServeHeap.option(serve, List.of("-XX:MaxRAMPercentage=10"), "", DEFAULT_HEAP));
        assertEquals(Optional.empty(), ServeHeap.option(serve, List.of(), "", 100L << 20), "the default is smaller");
        assertEquals(Optional.empty(), ServeHeap.option(new String[] {"train", "--model", model.toString()},
                List.of(), "", DEFAULT_HEAP));
        assertEquals(Optional.empty(), ServeHeap.option(new String[] {"serve", "--model", folder.toString()},
                List.of(), "", DEFAULT_HEAP), "a folder is not a model: the server itself says so");
        assertEquals(Optional.empty(), ServeHeap.option(new String[] {"serve"}, List.of(), "", DEFAULT_HEAP));
        assertEquals(Optional.empty(), ServeHeap.option(new String[0], List.of(), "", DEFAULT_HEAP));
    }
}
