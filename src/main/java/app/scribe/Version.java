package app.scribe;

/** Scribe's version, as the command line and the About box give it. */
public final class Version {
    public static final String NUMBER = "0.1.0";

    private Version() {
    }
}
