package app.scribe.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The serving figures of BENCHMARKS.md against a running {@code scribe serve}: the first streamed character on the
 * idle server (median of 100), one client alone, then many clients at once (latency p50/p99, errors, characters per
 * second), and the server's resident memory (with {@code --pid}, the server's process id): at start, before the many
 * clients (after a warm-up at their concurrency, a tenth of their requests) and after them. Run from the project:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) app.scribe.serve.ServeLoad \
 *     http://127.0.0.1:8080/ --clients 32 --requests 50 --chars 200 --pid PID
 * </pre>
 */
public final class ServeLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final URI completions;
    private final int chars;
    private final AtomicInteger errors = new AtomicInteger();

    private ServeLoad(URI base, int chars) {
        this.completions = base.resolve("v1/completions");
        this.chars = chars;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int clients = option(args, "--clients", 32);
        int requests = option(args, "--requests", 50);
        int chars = option(args, "--chars", 200);
        int firsts = option(args, "--first", 100);
        long pid = option(args, "--pid", -1);
        ServeLoad load = new ServeLoad(base, chars);
        long atStart = residentKib(pid);
        load.run(1, 10, 0);
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < firsts; i++) {
            first.add(load.firstCharacterNanos(i));
        }
        print("first_char_ms", "median=%.2f p90=%.2f min=%.2f (%d streamed requests, one at a time)",
                percentile(first, 50), percentile(first, 90), percentile(first, 0), firsts);
        load.report("one_client", 1, requests, load.run(1, requests, 1_000));
        // A warm-up at full concurrency first: the JVM sizes its heap to the load once, which is not a leak.
        int warmUp = Math.max(1, requests / 10);
        load.report("warm_up_" + clients, clients, warmUp, load.run(clients, warmUp, 100_000));
        long before = residentKib(pid);
        load.report("clients_" + clients, clients, requests, load.run(clients, requests, 2_000));
        long after = residentKib(pid);
        if (pid > 0) {
            print("rss_kib", "at_start=%d before=%d after=%d change=%+.1f%%", atStart, before, after,
                    100.0 * (after - before) / before);
        }
    }

    /** {@code clients} threads each sending {@code requests} completions one after another; wall time first. */
    private List<Long> run(int clients, int requests, int seedBase) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(threads.submit(() -> {
                for (int r = 0; r < requests; r++) {
                    latencies.add(complete(seedBase + client * requests + r));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long wall = System.nanoTime() - started;
        threads.shutdown();
        List<Long> out = new ArrayList<>(List.of(wall));
        out.addAll(latencies);
        return out;
    }

    private long complete(long seed) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request(seed, false), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        JsonNode body = JSON.readTree(response.body());
        String text = body.path("choices").path(0).path("text").asText("");
        if (response.statusCode() != 200 || text.codePointCount(0, text.length()) != chars) {
            errors.incrementAndGet();
            System.err.println("error: " + response.statusCode() + " " + response.body());
        }
        return nanos;
    }

    /** Time from sending a streamed request to the first event with a character in it. */
    private long firstCharacterNanos(long seed) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request(seed, true),
                HttpResponse.BodyHandlers.ofInputStream());
        long first = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first < 0 && line.startsWith("data: {")) {
                    first = System.nanoTime() - start;
                }
            }
        }
        if (first < 0) {
            throw new IOException("no character was streamed");
        }
        return first;
    }

    private HttpRequest request(long seed, boolean stream) {
        String body = String.format(Locale.ROOT, "{\"prompt\": \"It was \", \"max_tokens\": %d, \"seed\": %d,"
                + " \"stream\": %b}", chars, seed, stream);
        return HttpRequest.newBuilder(completions).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void report(String name, int clients, int requests, List<Long> wallThenLatencies) {
        long wall = wallThenLatencies.get(0);
        List<Long> latencies = wallThenLatencies.subList(1, wallThenLatencies.size());
        long total = (long) clients * requests * chars;
        print(name, "requests=%d errors=%d p50_ms=%.1f p99_ms=%.1f chars_per_sec=%.0f wall_s=%.1f",
                clients * requests, errors.getAndSet(0), percentile(latencies, 50), percentile(latencies, 99),
                total / (wall / 1e9), wall / 1e9);
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    private static long residentKib(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void print(String name, String format, Object... values) {
        System.out.println(name + " " + String.format(Locale.ROOT, format, values));
    }
}
