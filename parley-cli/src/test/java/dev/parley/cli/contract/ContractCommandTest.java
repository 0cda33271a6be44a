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
        assertThat(r.err()).contains("com.example.Nope: neither a .json model file nor a class on the class path");
        Run missing = run("contract", "diff", dir.resolve("old.json").toString(), name(RidesV10.class));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("old.json: no such model file");
        Run notAContract = run("contract", "export", Ride.class.getName());
        assertThat(notAContract.exit()).isEqualTo(2);
        assertThat(notAContract.err()).contains("a contract must be an interface");
    }
}
