package dev.parley.maven;

import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.ModelSources;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** What both goals share: reading the project's contracts, and where each one's baseline lives. */
final class Baselines {

    private Baselines() {
    }

    static ApiModel current(String contract, List<String> classpathElements) {
        List<Path> classpath = classpathElements.stream().map(Path::of).toList();
        return ModelSources.load(contract, classpath, Baselines.class.getClassLoader());
    }

    /** {@code <directory>/<contract name>.json}: one baseline per contract, the last released version. */
    static Path file(File directory, ApiModel model) {
        return directory.toPath().resolve(model.name() + ".json");
    }
}
