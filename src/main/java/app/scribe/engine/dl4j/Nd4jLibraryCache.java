package app.scribe.engine.dl4j;

import app.scribe.ScribeException;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * ND4J's CPU library ({@code libnd4jcpu.so}, 323 MB) as the app image ships it (issue 27): xz-compressed beside its
 * jar's other natives ({@code libnd4jcpu.so.xz}), which makes the .deb 63 MB smaller than with the jar's deflated
 * copy. The DL4J engine's first use unpacks it once ({@link UnpackOnce}) into {@code scribe-nd4jcpu} in JavaCPP's
 * cache folder (the system property {@code org.bytedeco.javacpp.cachedir}, else {@code ~/.javacpp/cache}), where
 * JavaCPP unpacks the jars' other natives too, and JavaCPP loads it from there: the folder is on JavaCPP's link
 * path ({@code org.bytedeco.javacpp.platform.linkpath}), where JavaCPP looks for a library that its jar does not
 * hold. JavaCPP reads that property once, when it first loads anything (the fast engine's OpenBLAS too), so it is
 * set at start-up ({@link #announce()}); before the library is unpacked the folder is simply empty. A program that
 * uses Scribe's classes without starting at {@code Main} calls {@link #announce()} itself, before anything native.
 *
 * <p>Where the jar holds the library itself ({@code mvn package}, {@code mvn test}, {@code mvn javafx:run}) there is
 * nothing to unpack and JavaCPP takes the jar's copy, as it always did.
 */
public final class Nd4jLibraryCache {
    private static final String LIBRARY = "libnd4jcpu.so";
    private static final String PACKED = "/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/" + LIBRARY + ".xz";
    private static final String LINK_PATH = "org.bytedeco.javacpp.platform.linkpath";
    private static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";

    private Nd4jLibraryCache() {
    }

    /** Puts the cache folder on JavaCPP's link path; called first thing, before anything loads JavaCPP. */
    public static void announce() {
        String folder = folder().toString();
        String path = System.getProperty(LINK_PATH);
        if (path == null || path.isEmpty()) {
            System.setProperty(LINK_PATH, folder);
        } else if (!List.of(path.split(File.pathSeparator)).contains(folder)) {
            System.setProperty(LINK_PATH, path + File.pathSeparator + folder);
        }
    }

    /** Unpacks the library if this build ships it packed and it is not in the cache yet; before ND4J loads. */
    static void unpackIfPacked() {
        URL packed = Nd4jLibraryCache.class.getResource(PACKED);
        if (packed == null) {
            return;
        }
        announce(); // for a caller that did not start at Main (early enough if JavaCPP has loaded nothing yet)
        Path target = folder().resolve(LIBRARY);
        try {
            UnpackOnce.unpack(packed, target);
        } catch (IOException e) {
            throw new ScribeException("Could not unpack the DL4J engine's native library into " + target.getParent()
                    + " (" + e.getMessage() + "); it needs about 300 MB there once. The fast engine does not need it.",
                    e);
        }
    }

    static Path folder() {
        String cache = System.getProperty(CACHE_DIR);
        Path root = cache == null || cache.isBlank()
                ? Path.of(System.getProperty("user.home"), ".javacpp", "cache") : Path.of(cache);
        return root.resolve("scribe-nd4jcpu").toAbsolutePath();
    }
}
