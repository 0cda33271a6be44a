package dev.parley.maven;

import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.ModelJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code parley:baseline}: writes each contract's model as {@code <contract name>.json} into the baseline
 * directory, to be checked in when a version is released; {@code parley:check} compares against it.
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public final class BaselineMojo extends AbstractMojo {

    /** The contract interfaces, by fully qualified name. */
    @Parameter(required = true)
    List<String> contracts = new ArrayList<>();

    @Parameter(property = "parley.baselineDirectory", defaultValue = "${project.basedir}/src/contract-baseline")
    File baselineDirectory = new File("src/contract-baseline");

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> classpathElements = new ArrayList<>();

    @Override
    public void execute() throws MojoExecutionException {
        for (String contract : contracts) {
            try {
                ApiModel model = Baselines.current(contract, classpathElements);
                Path file = Baselines.file(baselineDirectory, model);
                Files.createDirectories(file.getParent());
                Files.writeString(file, ModelJson.write(model));
                getLog().info("parley:baseline: " + model + " -> " + file);
            } catch (IllegalArgumentException | IOException e) {
                throw new MojoExecutionException("parley:baseline: " + contract + ": " + e.getMessage(), e);
            }
        }
    }
}
