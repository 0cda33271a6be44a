package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.message.HeaderNames;
import dev.parley.service.Filter;
import dev.parley.testkit.FreePorts;
import dev.parley.transport.http.TripsApi.TripStore;
import dev.parley.transport.http.TripsApi.Trips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HTTP/1.1 on one socket: pipelining, keep-alive, the idle timeout and the request-line limit. */
@ExtendWith(NettyLeakCheck.class)
class ConnectionTest {

    private final int port = FreePorts.next();
    private final TripStore store = new TripStore();
    private final AtomicInteger echoed = new AtomicInteger();
    private Parley server;

    private void serve(HttpOptions options) {
        Filter count = (request, next) -> next.call(request).whenComplete((m, t) -> {
            if ("echo".equals(request.header(HeaderNames.OPERATION))) {
                echoed.incrementAndGet();
            }
        });
        server = Parley.builder().transport(new HttpTransportProvider(options)).serverFilter(count).build();
        server.serve(Trips.class, store, "http://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() {
        store.release.countDown();
        if (server != null) {
            server.close();
        }
    }

    private static String post(String path, String json) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length() + "\r\n\r\n" + json;
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderTheyCame() throws Exception {
        serve(HttpOptions.DEFAULT);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            String requests = post("/v1/trips/t-1/wait", "{}") + post("/trips/v1/echo", "{\"text\":\"a\"}")
                    + post("/trips/v1/echo", "{\"text\":\"b\"}");
            s.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            // The two echoes finish while the first call still waits; their replies must wait behind it.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> echoed.get() == 2);
            store.release.countDown();
            String all = readResponses(s.getInputStream(), 3);
            int first = all.indexOf("\"released\"");
            int a = all.indexOf("{\"text\":\"a\"}");
            int b = all.indexOf("{\"text\":\"b\"}");
            assertThat(first).isPositive();
            assertThat(a).isGreaterThan(first);
            assertThat(b).isGreaterThan(a);
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        serve(HttpOptions.DEFAULT.withIdleTimeout(Duration.ofMillis(200)));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(post("/trips/v1/echo", "{\"text\":\"a\"}").getBytes(StandardCharsets.US_ASCII));
            assertThat(readResponses(s.getInputStream(), 1)).startsWith("HTTP/1.1 200");
            assertThat(s.getInputStream().read()).as("closed by the server").isEqualTo(-1);
        }
    }

    @Test
    void aRequestLineOverTheLimitIs414AndTheConnectionCloses() throws Exception {
        serve(HttpOptions.DEFAULT);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            String line = "GET /v1/trips/" + "x".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            s.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
            String reply = readResponses(s.getInputStream(), 1);
            assertThat(reply).startsWith("HTTP/1.1 414").contains("application/problem+json");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    /** Reads {@code n} responses with Content-Length bodies. */
    private static String readResponses(InputStream in, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed after " + out + head);
                }
                head.append((char) c);
            }
            int length = 0;
            for (String h : head.toString().split("\r\n")) {
                if (h.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(in.readNBytes(length));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

}
