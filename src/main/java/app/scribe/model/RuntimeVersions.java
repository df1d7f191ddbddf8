package app.scribe.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions of the numeric libraries the engines run on, read from their jars' Maven metadata, so that asking
 * loads no native code.
 */
public final class RuntimeVersions {
    private RuntimeVersions() {
    }

    /** One line each: Java, DL4J/ND4J and the BLAS both engines call (OpenBLAS through JavaCPP). */
    public static String describe() {
        return "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor", "unknown vendor") + ")\n"
                + "DL4J " + version("org.deeplearning4j", "deeplearning4j-nn") + " / ND4J "
                + version("org.nd4j", "nd4j-api") + "\n"
                + "BLAS: OpenBLAS " + version("org.bytedeco", "openblas") + " (JavaCPP build)";
    }

    private static String version(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = RuntimeVersions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
