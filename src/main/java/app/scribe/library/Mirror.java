package app.scribe.library;

import app.scribe.Printable;
import app.scribe.ScribeException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A Project Gutenberg site, the main one or a mirror: the catalog is at {@code /cache/epub/feeds/pg_catalog.csv.gz}
 * under it, book N at {@code /cache/epub/N/pgN.txt}.
 */
public record Mirror(URI base) {
    public static final String MAIN_SITE = "https://www.gutenberg.org";

    public static Mirror mainSite() {
        return of(MAIN_SITE);
    }

    /** The mirror at {@code url} (http or https, with a host); anything else is refused with a sentence. */
    private static final int MAX_PORT = 65_535;

    public static Mirror of(String url) {
        String trimmed = url == null ? "" : url.strip();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null
                    && uri.getPort() <= MAX_PORT) {
                return new Mirror(uri);
            }
        } catch (URISyntaxException e) {
            // Refused below with the same sentence as any other bad address.
        }
        throw new ScribeException("The mirror must be an http or https address such as " + MAIN_SITE + " (got \""
                + Printable.escape(trimmed) + "\").");
    }

    public URI catalog() {
        return URI.create(base + "/cache/epub/feeds/pg_catalog.csv.gz");
    }

    public URI book(int id) {
        return URI.create(base + "/cache/epub/" + id + "/pg" + id + ".txt");
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
