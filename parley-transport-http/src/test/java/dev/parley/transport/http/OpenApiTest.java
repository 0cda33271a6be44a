package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.Parley;
import dev.parley.testkit.FreePorts;
import dev.parley.transport.http.TripsApi.Trip;
import dev.parley.transport.http.TripsApi.TripStore;
import dev.parley.transport.http.TripsApi.Trips;
import dev.parley.transport.http.TripsApi.TripsV2;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /openapi.json is valid OpenAPI 3.1, and every operation in it answers when called as it says. */
@ExtendWith(NettyLeakCheck.class)
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Parley server;
    private TripStore store;
    private Raw http;

    @BeforeEach
    void start() {
        String address = "http://127.0.0.1:" + FreePorts.next();
        store = new TripStore();
        store.release.countDown();
        server = Parley.builder().build();
        server.serve(Trips.class, store, address);
        server.serve(TripsV2.class, id -> "v2 of " + id.id(), address);
        http = new Raw(address);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private OpenAPI parse() {
        HttpResponse<String> r = http.get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(r.body(), null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        return result.getOpenAPI();
    }

    @Test
    void theDocumentIsValidAndDescribesEveryOperation() {
        OpenAPI api = parse();
        assertThat(api.getPaths()).containsKeys("/v1/trips", "/v1/trips/{id}", "/v1/trips/{id}/status",
                "/v1/trips/{id}/ratings", "/v1/greeting", "/trips/v1/echo", "/v2/trips/{id}");
        PathItem trip = api.getPaths().get("/v1/trips/{id}");
        assertThat(trip.getGet().getResponses()).containsKeys("200", "304", "404", "default");
        assertThat(trip.getDelete().getResponses()).containsKeys("204");
        assertThat(api.getPaths().get("/v1/trips").getPost().getResponses().get("201").getHeaders())
                .containsKey("Location");
        assertThat(api.getPaths().get("/v1/trips/{id}/ratings").getPost().getResponses()).containsKey("202");
        assertThat(api.getPaths().get("/v1/trips").getGet().getParameters()).extracting(Parameter::getName)
                .contains("city", "max");
        assertThat(api.getPaths().get("/v1/greeting").getGet().getParameters())
                .anySatisfy(p -> assertThat(p.getIn() + " " + p.getName()).isEqualTo("header x-caller"));
        assertThat(api.getComponents().getSchemas()).containsKeys("Trip", "NewTrip", "Problem");
    }

    @Test
    void everyDocumentedOperationAnswersWhenCalledAsDocumented() throws Exception {
        OpenAPI api = parse();
        List<String> called = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> m : path.getValue().readOperationsMap().entrySet()) {
                store.trips.put("t-1", new Trip("t-1", "ann", "Oslo", "requested"));
                Operation op = m.getValue();
                String expected = op.getResponses().keySet().stream().filter(k -> k.startsWith("2")).findFirst()
                        .orElseThrow();
                StringBuilder url = new StringBuilder(path.getKey());
                List<String> headers = new ArrayList<>();
                String query = "";
                for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
                    String value = sample(p.getName(), p.getSchema(), api).toString();
                    switch (p.getIn()) {
                        case "path" -> {
                            int at = url.indexOf("{" + p.getName() + "}");
                            url.replace(at, at + p.getName().length() + 2, value);
                        }
                        case "query" -> query += (query.isEmpty() ? "?" : "&") + p.getName() + "="
                                + URLEncoder.encode(value, StandardCharsets.UTF_8);
                        case "header" -> {
                            headers.add(p.getName());
                            headers.add(p.getName().equals("parley-deadline-ms") ? "5000" : value);
                        }
                        default -> throw new AssertionError(p.getIn());
                    }
                }
                String body = "";
                if (op.getRequestBody() != null) {
                    Schema<?> schema = op.getRequestBody().getContent().get("application/json").getSchema();
                    body = JSON.writeValueAsString(sample("body", schema, api));
                    headers.add("Content-Type");
                    headers.add("application/json");
                }
                String call = m.getKey() + " " + url + query;
                HttpResponse<String> r = http.send(m.getKey().name(), url + query, body, headers.toArray(String[]::new));
                assertThat(Integer.toString(r.statusCode())).as(call + " -> " + r.body()).isEqualTo(expected);
                if (!expected.equals("204") && !expected.equals("202")) {
                    assertThat(JSON.readTree(r.body())).as(call).isNotNull();
                }
                called.add(call);
            }
        }
        assertThat(called).hasSize(dev.parley.contract.ContractDescriptor.of(Trips.class).operations().size()
                + dev.parley.contract.ContractDescriptor.of(TripsV2.class).operations().size());
    }

    /** A value the schema allows; ids are ones the store has. */
    private static Object sample(String name, Schema<?> schema, OpenAPI api) {
        Schema<?> s = schema;
        if (s.get$ref() != null) {
            s = api.getComponents().getSchemas().get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
        }
        String type = s.getType() != null ? s.getType() : s.getTypes() == null ? "object" : s.getTypes().iterator().next();
        return switch (type) {
            case "integer", "number" -> 3;
            case "boolean" -> true;
            case "array" -> List.of(sample(name, s.getItems(), api));
            case "object" -> {
                ObjectNode o = JSON.createObjectNode();
                if (s.getProperties() != null) {
                    s.getProperties().forEach((k, v) -> {
                        if (!k.startsWith("_")) {
                            o.set(k, JSON.valueToTree(sample(k, v, api)));
                        }
                    });
                }
                yield o;
            }
            default -> name.equals("id") ? "t-1" : name + "-value";
        };
    }
}
