package dev.parley.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every exported document validates against the official AsyncAPI 3.0.0 JSON Schema (see resources/asyncapi). */
class AsyncApiExportTest {

    private static final JsonSchema ASYNCAPI = load();

    private static JsonSchema load() {
        try (InputStream in = AsyncApiExportTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode doc) {
        return ASYNCAPI.validate(doc);
    }

    @Test
    void aServiceContractValidatesWithRequestsAndReplies() {
        ObjectNode doc = AsyncApiExporter.export(ApiModel.of(Trips.TripService.class));
        assertThat(validate(doc)).isEmpty();
        assertThat(doc.at("/channels/trips.v1/address").asText()).isEqualTo("trips.v1");
        assertThat(doc.at("/operations/get/action").asText()).isEqualTo("receive");
        assertThat(doc.at("/operations/get/reply/channel/$ref").asText()).isEqualTo("#/channels/trips.v1.replies");
        assertThat(doc.at("/operations/get/reply/address/location").asText())
                .isEqualTo("$message.header#/parley-reply-to");
        assertThat(doc.at("/operations/cancel/reply").isMissingNode()).as("a notification has no reply").isTrue();
        assertThat(doc.at("/operations/get/x-parley-errors/0").asText()).isEqualTo("TripNotFound");
        assertThat(doc.at("/components/messages/get.request/payload/$ref").asText())
                .isEqualTo("#/components/schemas/TripId");
        assertThat(doc.at("/components/schemas/Trip/required").toString())
                .isEqualTo("[\"id\",\"status\",\"pickup\",\"created\",\"fare\"]");
        assertThat(doc.at("/components/schemas/Trip/properties/history/uniqueItems").asBoolean()).isTrue();
        assertThat(doc.at("/components/schemas/Status/enum").toString()).isEqualTo("[\"REQUESTED\",\"ASSIGNED\",\"DONE\"]");
    }

    @Test
    void anEventsContractSendsWithoutReplies() {
        ObjectNode doc = AsyncApiExporter.export(ApiModel.of(Trips.TripEvents.class));
        assertThat(validate(doc)).isEmpty();
        assertThat(doc.at("/operations/created/action").asText()).isEqualTo("send");
        assertThat(doc.at("/channels/trip-events.v1.replies").isMissingNode()).isTrue();
    }

    @Test
    void aScatterContractSendsAndCollectsReplies() {
        ObjectNode doc = AsyncApiExporter.export(ApiModel.of(Trips.DriverQuotes.class));
        assertThat(validate(doc)).isEmpty();
        assertThat(doc.at("/operations/quote/action").asText()).isEqualTo("send");
        assertThat(doc.at("/operations/quote/x-parley-style").asText()).isEqualTo("publish/async-response");
        assertThat(doc.at("/components/messages/quote.reply/payload/$ref").asText())
                .isEqualTo("#/components/schemas/Quote");
    }

    @Test
    void theValidatorCatchesABrokenDocument() {
        ObjectNode doc = AsyncApiExporter.export(ApiModel.of(Trips.TripService.class));
        ((ObjectNode) doc.at("/operations/get")).put("action", "consume");
        assertThat(validate(doc)).as("an operation's action is send or receive").isNotEmpty();
        ObjectNode noInfo = AsyncApiExporter.export(ApiModel.of(Trips.TripService.class));
        noInfo.remove("info");
        assertThat(validate(noInfo)).as("info is required").isNotEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(classes = {Trips.TripService.class, Trips.TripEvents.class,
        Trips.DriverQuotes.class})
    void anExportedDocumentReadsBackAsTheContractsModel(Class<?> contract, @org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws IOException {
        ApiModel model = ApiModel.of(contract);
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("doc.json"),
                AsyncApiExporter.exportJson(model));
        ApiModel back = ModelSources.load(file.toString(), java.util.List.of(), getClass().getClassLoader());
        assertThat(back.kind()).isEqualTo(model.kind());
        // AsyncAPI carries no HTTP mapping and no @NonBlocking: those are the only differences (the lost
        // bindings also make the checker ask for a version bump).
        DiffReport report = CompatibilityChecker.compare(model, back);
        assertThat(report.changes()).as(report.text()).allMatch(c -> c.severity() == Severity.COSMETIC
                || c.rule() == Rule.BINDING_REMOVED || c.rule() == Rule.VERSION_NOT_BUMPED);
        assertThat(back.operations()).extracting(OperationModel::style)
                .isEqualTo(model.operations().stream().map(OperationModel::style).toList());
    }
}
