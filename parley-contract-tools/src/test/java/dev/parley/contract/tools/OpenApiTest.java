package dev.parley.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.OneWay;
import dev.parley.http.Get;
import dev.parley.http.Header;
import dev.parley.http.Link;
import dev.parley.http.Post;
import dev.parley.http.Put;
import dev.parley.http.Query;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAPI export of a Java contract, reading OpenAPI into the model, and the checker on OpenAPI documents. */
class OpenApiTest {

    @Link(rel = "self", operation = "get")
    record Ride(String id, String city, Optional<String> driver, List<String> stops, Status status) {
    }

    enum Status { REQUESTED, DONE }

    record RideId(String id) {
    }

    record NewRide(String city, @Header("X-Caller") @Nullable String caller) {
    }

    record Search(String city, @Query("max") @Nullable Integer limit) {
    }

    record Move(String id, String city) {
    }

    record Rating(String id, int stars) {
    }

    @Contract(name = "rides", version = "2.3")
    interface Rides {
        @Post("/rides") Ride create(NewRide r);
        @Idempotent @Get("/rides/{id}") Ride get(RideId id);
        @Get("/rides") List<Ride> search(Search s);
        @Put("/rides/{id}") Ride move(Move m);
        @OneWay @Post("/rides/{id}/ratings") void rate(Rating r);
        Ride echo(Ride r);
    }

    @Test
    void aContractExportsAsValidOpenApiThatReadsBackAsTheSameModel() {
        JsonNode doc = OpenApiExporter.export(Rides.class);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.toString());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(doc.at("/openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/paths/~1v2~1rides~1{id}/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Ride");
        assertThat(doc.at("/components/schemas/Ride/required").toString()).isEqualTo("[\"id\",\"city\",\"status\"]");
        assertThat(doc.at("/paths/~1v2~1rides/get/parameters/1/name").asText()).isEqualTo("max");
        assertThat(doc.at("/paths/~1rides~1v2~1echo/post/x-parley-operation").asText()).isEqualTo("echo");

        ApiModel java = ApiModel.of(Rides.class);
        ApiModel back = OpenApiReader.read(doc.toString(), "exported");
        assertThat(java.operation("get").bindings()).containsEntry("http", "GET /rides/{id}");
        assertThat(java.operation("echo").bindings()).containsEntry("http", "POST /rides/v2/echo");
        assertThat(back.operations()).extracting(OperationModel::bindings)
                .isEqualTo(java.operations().stream().map(OperationModel::bindings).toList());
        DiffReport report = CompatibilityChecker.compare(java, back);
        assertThat(report.changes()).as(report.text()).allMatch(c -> c.severity() == Severity.COSMETIC);
        assertThat(back.operation("rate").style()).isEqualTo(dev.parley.contract.InteractionStyle.NOTIFICATION);
        assertThat(back.operation("get").idempotent()).isTrue();
    }

    private static final String V1 = """
            openapi: 3.0.3
            info: {title: Pet Shop, version: 1.4.0}
            servers: [{url: 'https://shop.example.com/v1'}]
            paths:
              /pets/{petId}:
                get:
                  operationId: getPet
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: integer, format: int64}}
                    - {name: api-version, in: query, schema: {type: string}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
            components:
              schemas:
                Pet:
                  type: object
                  required: [id, name]
                  properties:
                    id: {type: integer, format: int64}
                    name: {type: string}
                    kind: {type: string, enum: [cat, dog]}
            """;

    @Test
    void theCheckerComparesOpenApiDocuments(@TempDir Path dir) throws Exception {
        ApiModel v1 = OpenApiReader.read(V1, "v1");
        assertThat(v1.name()).isEqualTo("pet-shop");
        assertThat(v1.version()).isEqualTo("1.4");
        assertThat(v1.operation("getPet").bindings()).containsEntry("http", "GET /pets/{petId}");
        assertThat(v1.operation("getPet").input().fields()).extracting(Schema.Field::name)
                .containsExactly("petId", "apiVersion");

        String v2 = V1.replace("version: 1.4.0", "version: 1.5.0").replace("required: [id, name]", "required: [id]")
                .replace("/pets/{petId}:", "/pet/{petId}:").replace("enum: [cat, dog]", "enum: [cat, dog, bird]");
        Files.writeString(dir.resolve("old.yaml"), V1);
        Files.writeString(dir.resolve("new.json"), com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper(
                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(v2)));
        ApiModel oldModel = ModelSources.load(dir.resolve("old.yaml").toString(), List.of(), getClass().getClassLoader());
        ApiModel newModel = ModelSources.load(dir.resolve("new.json").toString(), List.of(), getClass().getClassLoader());
        DiffReport report = CompatibilityChecker.compare(oldModel, newModel);
        assertThat(report.changes()).extracting(Change::rule).contains(Rule.BINDING_CHANGED,
                Rule.RESPONSE_FIELD_MADE_OPTIONAL, Rule.RESPONSE_ENUM_WIDENED);
        assertThat(report.verdict()).isEqualTo(DiffReport.Verdict.BREAKING);
    }

    @Test
    void whatAContractCannotExpressIsNamed() {
        String keyword = V1.replace("name: {type: string}", "class: {type: string}");
        assertThatThrownBy(() -> ContractGenerator.generate(keyword, "doc.yaml", "com.example", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pet.class");
        String cookie = V1.replace("in: query", "in: cookie");
        ContractGenerator.Generated g = ContractGenerator.generate(cookie, "doc.yaml", "com.example", null);
        assertThat(g.skipped()).containsExactly("GET /pets/{petId}: parameter 'api-version' is in cookie; Parley"
                + " carries path, query and header parameters");
        String oneOf = V1.replace("kind: {type: string, enum: [cat, dog]}",
                "kind: {oneOf: [{type: string}, {type: integer}]}");
        assertThat(ContractGenerator.generate(oneOf, "doc.yaml", "com.example", "Shop").notes())
                .containsExactly("Pet.kind: oneOf/anyOf has no Java record form; read as any (java.lang.Object)");
    }

    @Test
    void theGeneratedContractCarriesTheMapping() {
        ContractGenerator.Generated g = ContractGenerator.generate(V1, "doc.yaml", "com.example", null);
        assertThat(g.contract()).isEqualTo("com.example.PetShop");
        String contract = g.files().get("com/example/PetShop.java");
        assertThat(contract).contains("@dev.parley.Contract(name = \"pet-shop\", version = \"1.4\")",
                "@dev.parley.http.Get(\"/pets/{petId}\")", "Pet getPet(GetPetRequest request);");
        assertThat(g.files().get("com/example/GetPetRequest.java"))
                .contains("@dev.parley.http.Query(\"api-version\") @org.jspecify.annotations.Nullable String apiVersion");
        assertThat(g.files().get("com/example/Pet.java")).contains("Long id", "String name",
                "@org.jspecify.annotations.Nullable PetKind kind");
        assertThat(g.files().get("com/example/PetKind.java")).contains("cat,\n    dog");
    }
}
