package app.scribe.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The entries of a model file, in order, to write crafted copies: an edited manifest, replaced or extra entries. */
public final class ModelZip {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, byte[]> entries;

    private ModelZip(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    public static ModelZip of(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelZip(entries);
    }

    public String manifest() {
        return new String(entries.get(ModelFile.MANIFEST), StandardCharsets.UTF_8);
    }

    public ModelZip withManifest(String json) {
        return withEntry(ModelFile.MANIFEST, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The manifest with {@code edit} applied to its JSON tree. */
    public ModelZip withManifest(Consumer<ObjectNode> edit) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(manifest());
            edit.accept(tree);
            return withManifest(JSON.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ModelZip withEntry(String name, byte[] data) {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(name, data);
        return new ModelZip(copy);
    }

    /** The first array's entry with its float at {@code index} replaced. */
    public ModelZip withFloat(int index, float value) {
        return withFloat(firstArrayEntry(), index, value);
    }

    public ModelZip withFloat(String entry, int index, float value) {
        byte[] data = entries.get(entry).clone();
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putFloat(index * Float.BYTES, value);
        return withEntry(entry, data);
    }

    public List<String> arrayEntries() {
        return entries.keySet().stream().filter(n -> !n.equals(ModelFile.MANIFEST)).toList();
    }

    public String firstArrayEntry() {
        return arrayEntries().get(0);
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The zip with a second entry of the same name as {@code name} but other contents. ZipOutputStream refuses
     * duplicate names, so the copy is written under a placeholder of the same length and renamed in the bytes.
     */
    public byte[] bytesWithDuplicate(String name, byte[] otherContents) {
        String placeholder = "~".repeat(name.length());
        byte[] zip = withEntry(placeholder, otherContents).bytes();
        byte[] from = placeholder.getBytes(StandardCharsets.UTF_8);
        byte[] to = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (java.util.Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, zip, i, to.length);
            }
        }
        return zip;
    }
}
