package dev.parley.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Contract;
import dev.parley.cli.ParleyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ContractCommandTest {

    record Ride(String id, String driver) {
    }

    record RideV11(String id, String driver, java.util.Optional<String> car) {
    }

    record RideNoDriver(String id) {
    }

    @Contract(name = "rides", version = "1.0")
    interface RidesV10 {
        Ride get(String id);
    }

    @Contract(name = "rides", version = "1.1")
    interface RidesV11 {
        RideV11 get(String id);

        void cancel(String id);
    }

    @Contract(name = "rides", version = "1.1")
    interface RidesV11Breaking {
        RideNoDriver get(String id);
    }

    @Contract(name = "rides", version = "2.0")
    interface RidesV20 {
        RideNoDriver get(String id);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ParleyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String name(Class<?> c) {
        return c.getName();
    }

    @Test
    void aCompatibleMinorBumpExitsZero() {
        Run r = run("contract", "diff", name(RidesV10.class), name(RidesV11.class));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("rides 1.0 -> rides 1.1: 0 breaking, 2 compatible, 1 cosmetic: compatible")
                .contains("operation-added").contains("response-field-added").contains("type-renamed");
    }

    @Test
    void aBreakingMinorBumpExitsOne() {
        Run r = run("contract", "diff", name(RidesV10.class), name(RidesV11Breaking.class));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED").contains("response-field-removed").contains("RideNoDriver.driver");
    }

    @Test
    void aBreakingMajorBumpExitsZeroAndSaysServeBoth() {
        Run r = run("contract", "diff", name(RidesV10.class), name(RidesV20.class));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("breaking changes in a new major version");
    }

    @Test
    void jsonOutput() {
        Run r = run("contract", "diff", "--json", name(RidesV10.class), name(RidesV11Breaking.class));
        assertThat(r.out()).contains("\"verdict\" : \"BREAKING\"").contains("\"rule\" : \"response-field-removed\"");
    }

    @Test
    void anExportedModelIsABaselineToDiffAgainst(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("rides.json");
        Run export = run("contract", "export", name(RidesV10.class), "-o", baseline.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(baseline)).contains("\"name\" : \"rides\"").contains("\"version\" : \"1.0\"");
        Run r = run("contract", "diff", baseline.toString(), name(RidesV11Breaking.class));
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void exportsAsyncApi() {
        Run r = run("contract", "export", "--format", "asyncapi", name(RidesV11.class));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"asyncapi\" : \"3.0.0\"").contains("\"rides.v1\"");
    }

    @Test
    void anUnknownContractIsBadInputNamedInTheError(@TempDir Path dir) {
        Run r = run("contract", "diff", "com.example.Nope", name(RidesV10.class), "-cp", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("com.example.Nope: neither a model or OpenAPI file nor a class on the class path");
        Run missing = run("contract", "diff", dir.resolve("old.json").toString(), name(RidesV10.class));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("old.json: no such file");
        Run notAContract = run("contract", "export", Ride.class.getName());
        assertThat(notAContract.exit()).isEqualTo(2);
        assertThat(notAContract.err()).contains("a contract must be an interface");
    }

    private static final String SHOP = """
            openapi: 3.0.3
            info: {title: Shop, version: 1.0.0}
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
              /items/{id}/image:
                put:
                  operationId: putImage
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  requestBody: {content: {image/png: {schema: {type: string, format: binary}}}}
                  responses: {'204': {description: done}}
            components:
              schemas:
                Item: {type: object, required: [id, price], properties: {id: {type: string}, price: {type: number}}}
            """;

    @Test
    void generateWritesTheContractAndNamesWhatItLeftOut(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("shop.yaml"), SHOP);
        Run r = run("contract", "generate", doc.toString(), "-p", "com.example", "-o", dir.resolve("src").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("com.example.Shop (shop 1.0): 3 files", "1 operations, 1 left out");
        assertThat(r.err()).contains("left out: PUT /items/{id}/image: the request body is [image/png]");
        assertThat(dir.resolve("src/com/example/Shop.java")).content().contains("@dev.parley.http.Get(\"/items/{id}\")");

        Run bad = run("contract", "generate", dir.resolve("nope.yaml").toString(), "-p", "com.example");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("nope.yaml: no such file");
    }

    @Test
    void diffComparesOpenApiDocuments(@TempDir Path dir) throws Exception {
        Path v1 = Files.writeString(dir.resolve("v1.yaml"), SHOP);
        Path v2 = Files.writeString(dir.resolve("v2.yml"), SHOP.replace("version: 1.0.0", "version: 1.1.0")
                .replace("required: [id, price]", "required: [id]"));
        Run r = run("contract", "diff", v1.toString(), v2.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("response-field-made-optional", "Item.price");
    }

    @Test
    void exportWritesOpenApi() {
        Run r = run("contract", "export", RidesV11.class.getName(), "--format", "openapi");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"openapi\" : \"3.1.0\"", "/rides/v1/get", "\"x-parley-contract\" : \"rides\"");
        Run file = run("contract", "export", "x.yaml", "--format", "openapi");
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).contains("exports a contract interface");
    }
}
