package dev.parley.contract.tools;

import static java.util.Objects.requireNonNull;

import dev.parley.contract.tools.internal.AsyncApiImport;
import dev.parley.contract.tools.internal.OpenApiImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where a model comes from, as a command line or a build names it: a model JSON file (ending in {@code .json}),
 * an OpenAPI 3.x or AsyncAPI 3.0 document ({@code .yaml}, {@code .yml}, or {@code .json} with a top-level
 * {@code openapi} or {@code asyncapi} key)
 * or the fully qualified name of a contract interface on a class path.
 */
public final class ModelSources {

    private ModelSources() {
    }

    /**
     * The model {@code source} names.
     *
     * @param source a {@code .json} model file, or a contract interface's fully qualified name
     * @param classpath where to look for the interface and its message types (directories and jars), searched
     *        before {@code parent}
     * @param parent the loader that supplies Parley itself
     * @throws IllegalArgumentException naming the source when it is neither a readable model nor a contract
     */
    public static ApiModel load(String source, List<Path> classpath, ClassLoader parent) {
        requireNonNull(source, "source");
        if (source.endsWith(".json") || source.endsWith(".yaml") || source.endsWith(".yml")) {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(source + ": no such file");
            }
            String text = OpenApiReader.text(file);
            boolean asyncApi = AsyncApiImport.looksLikeAsyncApi(text);
            if (source.endsWith(".json") && !asyncApi && !OpenApiImport.looksLikeOpenApi(text)) {
                return ModelJson.read(file);
            }
            try {
                return asyncApi ? AsyncApiImport.read(text, source) : OpenApiReader.read(text, source);
            } catch (NoClassDefFoundError e) {
                throw new IllegalArgumentException(source + ": reading OpenAPI needs io.swagger.parser.v3:swagger-parser"
                        + " (and AsyncAPI needs jackson-dataformat-yaml) on the class path", e);
            }
        }
        return withContract(source, classpath, parent, ApiModel::of);
    }

    /**
     * Applies {@code use} to the contract interface {@code className} loaded from {@code classpath} (child first, as
     * {@link #load} does), e.g. {@code OpenApiExporter::export}.
     *
     * @throws IllegalArgumentException naming the class when it is not there or not a contract
     */
    public static <T> T withContract(String className, List<Path> classpath, ClassLoader parent,
            Function<Class<?>, T> use) {
        String source = className;
        try (URLClassLoader loader = new ChildFirst(urls(classpath), parent)) {
            return use.apply(Class.forName(source, false, loader));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(source + ": neither a model or OpenAPI file nor a class on the class"
                    + " path " + classpath, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path entry " + p + ": " + e.getMessage(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /**
     * Looks in the given class path before the parent, so that two versions of one contract class (an old and a
     * new build) can be read side by side; Parley's own classes always come from the parent, so that
     * {@code @Contract} is the annotation the reader knows.
     */
    private static final class ChildFirst extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("java.") || name.startsWith("dev.parley.") && !ownClass(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        /** Whether a {@code dev.parley} class is on the given class path rather than Parley's own (an example's). */
        private boolean ownClass(String name) {
            return findResource(name.replace('.', '/') + ".class") != null
                    && getParent().getResource(name.replace('.', '/') + ".class") == null;
        }
    }
}
