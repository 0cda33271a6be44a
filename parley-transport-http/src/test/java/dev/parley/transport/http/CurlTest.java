package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.Parley;
import dev.parley.testkit.FreePorts;
import dev.parley.transport.http.TripsApi.Rating;
import dev.parley.transport.http.TripsApi.TripStore;
import dev.parley.transport.http.TripsApi.Trips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A served contract driven by curl alone, as another team or a person at a terminal would: create, read,
 * update, a notification, delete, then three errors. No Parley code on the calling side.
 */
@ExtendWith(NettyLeakCheck.class)
class CurlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(String protocol, int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private String base = "";

    @Test
    void createReadUpdateNotifyDeleteAndThreeErrors() throws Exception {
        assumeTrue(curlAvailable(), "curl is not installed");
        int port = FreePorts.next();
        base = "http://127.0.0.1:" + port;
        TripStore store = new TripStore();
        try (Parley server = Parley.builder().build()) {
            server.serve(Trips.class, store, base);

            Reply created = curl("-X", "POST", base + "/v1/trips", "-H", "Content-Type: application/json",
                    "-d", "{\"passenger\":\"ann\",\"city\":\"Oslo\"}");
            assertThat(created.status()).isEqualTo(201);
            String location = created.headers().get("location");
            assertThat(location).isEqualTo("/v1/trips/t-1");
            assertThat(created.json().get("status").asText()).isEqualTo("requested");

            Reply read = curl(base + location);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.headers()).containsKey("etag");
            assertThat(read.json().get("passenger").asText()).isEqualTo("ann");
            assertThat(read.json().at("/_links/self/href").asText()).isEqualTo(location);

            Reply updated = curl("-X", "PUT", base + location, "--json", "{\"city\":\"Bergen\"}");
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.json().get("city").asText()).isEqualTo("Bergen");
            assertThat(curl(base + location).json().get("city").asText()).isEqualTo("Bergen");

            Reply rated = curl("-X", "POST", base + location + "/ratings", "--json", "{\"stars\":5}");
            assertThat(rated.status()).isEqualTo(202);
            assertThat(store.rated.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(store.ratings).containsExactly(new Rating("t-1", 5));

            Reply deleted = curl("-X", "DELETE", base + location);
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();

            Reply gone = curl(base + location);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.headers().get("content-type")).isEqualTo("application/problem+json");
            assertThat(gone.json().get("errorType").asText()).isEqualTo("TripNotFound");
            assertThat(gone.json().get("detail").asText()).isEqualTo("no trip 't-1'");

            Reply badJson = curl("-X", "POST", base + "/v1/trips", "--json", "{\"passenger\": [\"ann\"]}");
            assertThat(badJson.status()).isEqualTo(400);
            assertThat(badJson.json().get("parleyStatus").asText()).isEqualTo("INVALID_ARGUMENT");
            assertThat(badJson.json().get("detail").asText()).contains("passenger");

            Reply wrongMethod = curl("-X", "PATCH", base + "/v1/trips");
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.headers().get("allow")).isEqualTo("GET, POST");
            assertThat(wrongMethod.json().get("status").asInt()).isEqualTo(405);

            Reply form = curl("-X", "POST", base + "/v1/trips", "-d", "passenger=ann");
            assertThat(form.status()).isEqualTo(415);
            assertThat(form.json().get("detail").asText()).contains("application/x-www-form-urlencoded");
        }
    }

    @Test
    void http2WithPriorKnowledgeAndByUpgrade() throws Exception {
        assumeTrue(curlAvailable(), "curl is not installed");
        base = "http://127.0.0.1:" + FreePorts.next();
        TripStore store = new TripStore();
        try (Parley server = Parley.builder().build()) {
            server.serve(Trips.class, store, base);
            Reply created = curl("--http2-prior-knowledge", "-X", "POST", base + "/v1/trips", "--json",
                    "{\"passenger\":\"ann\",\"city\":\"Oslo\"}");
            assertThat(created.protocol()).isEqualTo("HTTP/2");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.headers().get("location")).isEqualTo("/v1/trips/t-1");
            Reply read = curl("--http2", base + "/v1/trips/t-1");
            assertThat(read.protocol()).isEqualTo("HTTP/2");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("passenger").asText()).isEqualTo("ann");
            Reply missing = curl("--http2-prior-knowledge", base + "/v1/trips/t-9");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("errorType").asText()).isEqualTo("TripNotFound");
        }
    }

    /** Runs curl with {@code -s -i} and splits its output into status, headers (lower case) and body. */
    private Reply curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-i", "--max-time", "20"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("curl exit code; output: " + out).isZero();
        if (out.startsWith("HTTP/1.1 101")) {
            out = out.substring(out.indexOf("\r\n\r\n") + 4); // the h2c upgrade, then the real response
        }
        int end = out.indexOf("\r\n\r\n");
        String head = end < 0 ? out : out.substring(0, end);
        String body = end < 0 ? "" : out.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]); // "HTTP/1.1 200 OK" or "HTTP/2 200"
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Reply(lines[0].split(" ")[0], status, headers, body);
    }

    private static boolean curlAvailable() {
        try {
            return new ProcessBuilder("curl", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
