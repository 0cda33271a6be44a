package dev.parley.maven;

import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.CompatibilityChecker;
import dev.parley.contract.tools.DiffReport;
import dev.parley.contract.tools.ModelJson;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code parley:check}: compares each contract with its baseline (a model JSON file checked into the project,
 * written by {@code parley:baseline}) and fails the build when a version within the same major contains a
 * breaking change (docs/evolution.md). A new major version may break; it is reported, not failed.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class CheckCompatibilityMojo extends AbstractMojo {

    /** The contract interfaces to check, by fully qualified name. */
    @Parameter(required = true)
    List<String> contracts = new ArrayList<>();

    /** Where the baselines are: one {@code <contract name>.json} per contract. */
    @Parameter(property = "parley.baselineDirectory", defaultValue = "${project.basedir}/src/contract-baseline")
    File baselineDirectory = new File("src/contract-baseline");

    /** Whether a contract without a baseline fails the build (by default it is only reported). */
    @Parameter(property = "parley.failOnMissingBaseline", defaultValue = "false")
    boolean failOnMissingBaseline;

    @Parameter(property = "parley.check.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> classpathElements = new ArrayList<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("parley:check skipped");
            return;
        }
        List<String> failed = new ArrayList<>();
        for (String contract : contracts) {
            if (!check(contract)) {
                failed.add(contract);
            }
        }
        if (!failed.isEmpty()) {
            throw new MojoFailureException("Breaking contract changes without a new major version in " + failed
                    + "; keep the change compatible, or bump the major version and serve both majors "
                    + "(docs/evolution.md)");
        }
    }

    private boolean check(String contract) throws MojoExecutionException {
        ApiModel current;
        try {
            current = Baselines.current(contract, classpathElements);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("parley:check: " + e.getMessage(), e);
        }
        Path baseline = Baselines.file(baselineDirectory, current);
        if (!Files.isRegularFile(baseline)) {
            String message = current + ": no baseline at " + baseline + "; run parley:baseline to write one";
            if (failOnMissingBaseline) {
                throw new MojoExecutionException(message);
            }
            getLog().warn(message);
            return true;
        }
        ApiModel old;
        try {
            old = ModelJson.read(baseline);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("parley:check: " + e.getMessage(), e);
        }
        DiffReport report = CompatibilityChecker.compare(old, current);
        for (String line : report.text().split("\n")) {
            if (report.failed()) {
                getLog().error(line);
            } else {
                getLog().info(line);
            }
        }
        return !report.failed();
    }
}
