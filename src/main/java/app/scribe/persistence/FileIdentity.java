package app.scribe.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A file as Scribe last saw it: the same file (the system's key, an inode on Unix), size and modification time mean
 * nobody has replaced or edited it since. Links are not followed: a link is not the file it points to.
 */
public record FileIdentity(Object key, long size, FileTime modified) {

    /** The identity of what is at {@code file} now, or null when nothing is there. */
    public static FileIdentity of(Path file) {
        BasicFileAttributes attributes = attributes(file);
        return attributes == null ? null
                : new FileIdentity(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
    }

    /** Whether {@code attributes} describe this same, unchanged file. */
    boolean matches(BasicFileAttributes attributes) {
        return attributes.isRegularFile() && key != null && key.equals(attributes.fileKey())
                && size == attributes.size() && modified.equals(attributes.lastModifiedTime());
    }

    /** What is at {@code file}, the link itself for a link; null when nothing is there or it cannot be read. */
    static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }
}
