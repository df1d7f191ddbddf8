package app.scribe.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A client on a bare socket, for what the JDK's HttpClient will not do: send a body slowly, or walk away in the
 * middle of an answer.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    RawClient(URI base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        out = socket.getOutputStream();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The request line and headers of a POST whose body has {@code length} bytes, and nothing of the body. */
    void startPost(String path, int length, String token) throws IOException {
        send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n");
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Closes this side of the connection: the server reads the end of the stream, the answer can still come. */
    void endSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads lines until one starts with {@code prefix}; returns it (null at the end of the stream). */
    String readUntil(String prefix) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
