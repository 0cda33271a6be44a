package dev.parley.cli.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.cli.ParleyCommand;
import dev.parley.service.CallCounter;
import dev.parley.service.CallStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** "Who still calls v1?" from outside the server: over HTTP with any client, and with {@code parley calls}. */
class CallsCommandTest {

    @Contract(name = "fares", version = "1.2")
    public interface Fares {
        String quote(String city);
    }

    private final CallCounter counter = new CallCounter();
    private final Parley server = Parley.builder().serverFilter(counter).build();
    private final Parley client = Parley.builder().build();
    private final String address = "http://127.0.0.1:" + freePort();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run parley(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ParleyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private void serveAndCallTwiceAsBilling() {
        server.serve(Fares.class, city -> city + ": 12.00", address);
        server.serve(CallStats.class, counter, address);
        Fares fares = client.client(Fares.class).at(address).name("billing").build();
        fares.quote("Oslo");
        fares.quote("Rome");
    }

    @Test
    void parleyCallsPrintsWhoCalledWhichVersion() {
        serveAndCallTwiceAsBilling();
        Run run = parley("calls", address);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("fares\\s+1\\.2\\s+billing\\s+2\\b");
    }

    @Test
    void theCountsAreAResourceAnyHttpClientCanRead() throws Exception {
        serveAndCallTwiceAsBilling();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(address + "/v1/parley/calls")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"contract\":\"fares\"", "\"version\":\"1.2\"", "\"client\":\"billing\"",
                    "\"calls\":2");
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsExitOne() {
        Run run = parley("calls", address, "--timeout", "PT2S");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("parley calls: " + address + " did not answer: UNAVAILABLE");
    }

    @Test
    void anAddressNoTransportTakesIsExitTwo() {
        Run run = parley("calls", "smoke-signals://hill");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("parley calls: ");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
