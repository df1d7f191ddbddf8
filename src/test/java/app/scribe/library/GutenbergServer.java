package app.scribe.library;

import app.scribe.TestCorpora;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A Project Gutenberg mirror on 127.0.0.1 for the tests: a small catalog and real books in Gutenberg's layout, and
 * the ways a real server goes wrong (404, 500, a web page, a body cut short, silence, a slow trickle, a redirect
 * loop). No test touches the internet.
 */
public final class GutenbergServer implements AutoCloseable {
    /** The fixture catalog: a quoted title over two lines, a non-text item, French and Dutch books. */
    public static final String CATALOG = String.join("\n",
            "Text#,Type,Issued,Title,Language,Authors,Subjects,LoCC,Bookshelves",
            "599,Text,1996-07-01,\"Vanity Fair\",en,\"Thackeray, William Makepeace, 1811-1863\","
                    + "\"Satire; England -- Social life and customs -- 19th century -- Fiction\",PR,Best Books Ever",
            "2591,Text,2001-04-01,\"Grimms' Fairy Tales\",en,\"Grimm, Jacob, 1785-1863; Grimm, Wilhelm, 1786-1859\","
                    + "\"Fairy tales -- Germany\",GR,Children's Literature",
            "4000,Sound,2003-01-01,Vanity Fair (audio),en,\"Thackeray, William Makepeace, 1811-1863\",Satire,PR,",
            "4001,Text,2003-01-01,\"Le Comte de Monte-Cristo,\n Tome I\",fr,\"Dumas, Alexandre, 1802-1870\","
                    + "\"Adventure stories\",PQ,",
            "4002,Text,2003-01-01,\"Reis om de wereld\",nl,\"Darwin, Charles, 1809-1882\",\"Voyages \"\"around\"\""
                    + " the world\",QH,",
            "4003,Text,2003-01-01,Jane Eyre: An Autobiography,en,\"Brontë, Charlotte, 1816-1855\",Governesses,PR,",
            "");

    /** Set on an exchange whose last bytes are on their way: the client may start its next request. */
    private static final String ANSWERED = "answered";

    private final HttpServer server;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();

    public GutenbergServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "gutenberg-fixture");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try (exchange) {
                routes.getOrDefault(exchange.getRequestURI().getPath(), e -> status(e, 404)).handle(exchange);
            } catch (IOException ignored) {
                // The client went away (a cancelled download) or the body was cut short on purpose.
            } finally {
                if (exchange.getAttribute(ANSWERED) == null) {
                    open.decrementAndGet();
                }
            }
        });
        server.start();
    }

    /** The fixture catalog, and Vanity Fair (599) and Grimms' Fairy Tales (2591) from the shared corpora. */
    public static GutenbergServer withBooks() throws IOException {
        GutenbergServer server = new GutenbergServer();
        server.serve(catalogPath(), gzip(CATALOG.getBytes(StandardCharsets.UTF_8)), "application/gzip");
        server.serve(bookPath(599), shared("vanity_fair.txt", 300_000), "text/plain; charset=utf-8");
        server.serve(bookPath(2591), shared("grimms_fairy_tales.txt", 300_000), "text/plain; charset=utf-8");
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static String catalogPath() {
        return "/cache/epub/feeds/pg_catalog.csv.gz";
    }

    public static String bookPath(int id) {
        return "/cache/epub/" + id + "/pg" + id + ".txt";
    }

    /** The first {@code bytes} bytes of a book in the shared corpora (with its Gutenberg header). */
    public static byte[] shared(String name, int bytes) throws IOException {
        byte[] all = Files.readAllBytes(TestCorpora.book(name));
        return Arrays.copyOf(all, Math.min(bytes, all.length));
    }

    public static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    public void serve(String path, byte[] body, String contentType) {
        routes.put(path, e -> send(e, body, contentType, body.length, 0, 0));
    }

    /** Answers with {@code status} and a short page. */
    public void fail(String path, int status) {
        routes.put(path, e -> status(e, status));
    }

    /** Claims {@code body}'s full length but sends only its first {@code sent} bytes, then closes. */
    public void truncate(String path, byte[] body, int sent) {
        routes.put(path, e -> {
            e.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            e.sendResponseHeaders(200, body.length);
            OutputStream out = e.getResponseBody();
            out.write(body, 0, sent);
            out.flush();
            // Closing the exchange with bytes missing closes the connection: the client sees the body end early.
        });
    }

    /** Sends {@code body} in chunks of {@code chunk} bytes with a pause of {@code millis} after each. */
    public void trickle(String path, byte[] body, int chunk, long millis) {
        routes.put(path, e -> send(e, body, "text/plain; charset=utf-8", body.length, chunk, millis));
    }

    /** Accepts the request and says nothing for {@code millis}. */
    public void stall(String path, long millis) {
        routes.put(path, e -> {
            sleep(millis);
            status(e, 200);
        });
    }

    /** Redirects {@code path} to {@code location} (to itself: a redirect loop). */
    public void redirect(String path, String location) {
        routes.put(path, e -> {
            e.getResponseHeaders().set("Location", location);
            e.sendResponseHeaders(302, -1);
        });
    }

    public List<String> userAgents() {
        return userAgents;
    }

    /** The most requests the server was ever answering at once. */
    public int mostAtOnce() {
        return mostOpen.get();
    }

    private void send(HttpExchange e, byte[] body, String contentType, long length, int chunk, long millis)
            throws IOException {
        e.getResponseHeaders().set("Content-Type", contentType);
        e.sendResponseHeaders(200, length);
        OutputStream out = e.getResponseBody();
        int step = chunk <= 0 ? body.length : chunk;
        for (int at = 0; at < body.length; at += step) {
            if (at > 0) {
                sleep(millis);
            }
            if (at + step >= body.length) {
                // Counted as answered before the last bytes go, since the client may ask again once they arrive.
                e.setAttribute(ANSWERED, true);
                open.decrementAndGet();
            }
            out.write(body, at, Math.min(step, body.length - at));
            out.flush();
        }
    }

    private static void status(HttpExchange e, int status) throws IOException {
        byte[] page = ("<html><body><h1>" + status + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "text/html");
        e.sendResponseHeaders(status, page.length);
        e.getResponseBody().write(page);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
