package dev.parley.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals run as Maven runs them, minus Maven: fields set as its injection would set them. */
class CheckCompatibilityMojoTest {

    record Ride(String id, String driver) {
    }

    record RideWithCar(String id, String driver, Optional<String> car) {
    }

    record RideWithoutDriver(String id) {
    }

    @Contract(name = "rides", version = "1.0")
    interface Rides10 {
        Ride get(String id);
    }

    @Contract(name = "rides", version = "1.1")
    interface Rides11 {
        RideWithCar get(String id);
    }

    @Contract(name = "rides", version = "1.1")
    interface Rides11Breaking {
        RideWithoutDriver get(String id);
    }

    @Contract(name = "rides", version = "2.0")
    interface Rides20 {
        RideWithoutDriver get(String id);
    }

    @TempDir
    Path baselines;

    @BeforeEach
    void releaseOneDotZero() throws Exception {
        BaselineMojo baseline = new BaselineMojo();
        baseline.contracts = List.of(Rides10.class.getName());
        baseline.baselineDirectory = baselines.toFile();
        baseline.execute();
        assertThat(Files.readString(baselines.resolve("rides.json"))).contains("\"version\" : \"1.0\"");
    }

    private CheckCompatibilityMojo check(Class<?> contract) {
        CheckCompatibilityMojo check = new CheckCompatibilityMojo();
        check.contracts = List.of(contract.getName());
        check.baselineDirectory = baselines.toFile();
        return check;
    }

    @Test
    void aMinorBumpWithABreakingChangeFailsTheBuild() {
        assertThatThrownBy(() -> check(Rides11Breaking.class).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Breaking contract changes without a new major version")
                .hasMessageContaining(Rides11Breaking.class.getName());
    }

    @Test
    void aCompatibleMinorBumpPasses() throws Exception {
        check(Rides11.class).execute();
    }

    @Test
    void aMajorBumpMayBreak() throws Exception {
        check(Rides20.class).execute();
    }

    @Test
    void skipSkips() throws Exception {
        CheckCompatibilityMojo check = check(Rides11Breaking.class);
        check.skip = true;
        check.execute();
    }

    @Test
    void aMissingBaselineIsReportedOrFailsWhenAskedTo() throws Exception {
        Files.delete(baselines.resolve("rides.json"));
        check(Rides11Breaking.class).execute();
        CheckCompatibilityMojo strict = check(Rides11Breaking.class);
        strict.failOnMissingBaseline = true;
        assertThatThrownBy(strict::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no baseline at").hasMessageContaining("run parley:baseline");
    }

    @Test
    void anUnknownContractNamesItself() {
        CheckCompatibilityMojo check = new CheckCompatibilityMojo();
        check.contracts = List.of("com.example.Missing");
        check.baselineDirectory = baselines.toFile();
        assertThatThrownBy(check::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("com.example.Missing: neither a model or OpenAPI file nor a class");
    }
}
