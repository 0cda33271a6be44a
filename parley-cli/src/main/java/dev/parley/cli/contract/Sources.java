package dev.parley.cli.contract;

import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.ModelSources;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the models the commands are given, from model files or contract classes on a class path. */
final class Sources {

    /** Exit status for input the command cannot use (picocli's own for a bad command line). */
    static final int BAD_INPUT = 2;

    private Sources() {
    }

    static ApiModel load(String source, @Nullable String classpath) {
        return ModelSources.load(source, paths(classpath), Sources.class.getClassLoader());
    }

    static List<Path> paths(@Nullable String classpath) {
        if (classpath == null || classpath.isBlank()) {
            return List.of();
        }
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }
}
