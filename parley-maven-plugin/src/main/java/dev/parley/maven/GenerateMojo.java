package dev.parley.maven;

import dev.parley.contract.tools.ContractGenerator;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * {@code parley:generate}: contract-first. Generates the Java contract of an OpenAPI 3.x document (the interface
 * with its HTTP mapping, its records and enums) into {@code target/generated-sources/parley} and adds that
 * directory to the compile. Operations a contract cannot express are left out and logged as warnings; with
 * {@code failOnSkipped} they fail the build instead.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    /** The OpenAPI document, YAML or JSON. */
    @Parameter(property = "parley.openapi", required = true)
    @Nullable File openapi;

    /** The package of the generated types. */
    @Parameter(property = "parley.package", required = true)
    String packageName = "";

    /** The contract interface's simple name; by default made from the document's title. */
    @Parameter(property = "parley.interfaceName")
    @Nullable String interfaceName;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/parley", required = true)
    File outputDirectory = new File("target/generated-sources/parley");

    /** Fail the build when an operation of the document cannot be generated, rather than warn. */
    @Parameter(property = "parley.failOnSkipped", defaultValue = "false")
    boolean failOnSkipped;

    @Parameter(defaultValue = "${project}", readonly = true)
    @Nullable MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        if (openapi == null || !openapi.isFile()) {
            throw new MojoExecutionException("parley:generate: no OpenAPI document at " + openapi);
        }
        ContractGenerator.Generated g;
        try {
            g = ContractGenerator.generate(openapi.toPath(), packageName, interfaceName);
            g.writeTo(outputDirectory.toPath());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MojoExecutionException("parley:generate: " + openapi + ": " + e.getMessage(), e);
        }
        for (String s : g.skipped()) {
            getLog().warn("parley:generate: left out " + s);
        }
        for (String n : g.notes()) {
            getLog().warn("parley:generate: " + n);
        }
        if (failOnSkipped && !g.skipped().isEmpty()) {
            throw new MojoExecutionException("parley:generate: " + g.skipped().size() + " operations of " + openapi
                    + " cannot be generated (listed above); parley.failOnSkipped is set");
        }
        if (project != null) {
            project.addCompileSourceRoot(outputDirectory.getPath());
        }
        getLog().info("parley:generate: " + openapi.getName() + " -> " + g.contract() + " (" + g.model() + ", "
                + g.model().operations().size() + " operations, " + g.files().size() + " files) in " + outputDirectory);
    }
}
