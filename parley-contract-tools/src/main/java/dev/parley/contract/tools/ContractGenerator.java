package dev.parley.contract.tools;

import dev.parley.contract.tools.internal.HttpApi;
import dev.parley.contract.tools.internal.JavaGenerator;
import dev.parley.contract.tools.internal.OpenApiImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Contract-first: the Java contract of an OpenAPI 3.x document, the interface with the HTTP mapping annotations
 * ({@code @Get("/pets/{petId}")}, {@code @Query}, {@code @Header}) and its records and enums, as source files.
 * Served by Parley, the contract answers the document's paths under {@code /v{major}}; exported
 * ({@link OpenApiExporter}), it gives back the same operations, parameters and schemas.
 *
 * <p>Operations a contract cannot express (form or file bodies, cookie or list-valued parameters, a body that
 * is not an object beside parameters, methods other than GET, POST, PUT, PATCH, DELETE, path segments that mix
 * text and variables) are left out and listed in {@link Generated#skipped()}; schema constructs read as less
 * ({@code oneOf}/{@code anyOf} as {@code Object}, enums whose values are not Java identifiers as {@code String})
 * are listed in {@link Generated#notes()}. A property whose name is not a Java identifier fails the generation,
 * naming it. Needs swagger-parser on the class path.
 */
public final class ContractGenerator {

    private ContractGenerator() {
    }

    /**
     * What was generated.
     *
     * @param contract the contract's fully qualified interface name
     * @param model the model of the document, as {@link OpenApiReader} reads it
     * @param files the source files, by path relative to a source root ({@code com/example/Petstore.java})
     * @param skipped operations left out, each naming its method, path and the reason
     * @param notes what was read as less than the document says, each naming where
     */
    public record Generated(String contract, ApiModel model, Map<String, String> files, List<String> skipped,
            List<String> notes) {

        /** Writes the files under {@code sourceRoot}. */
        public void writeTo(Path sourceRoot) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = sourceRoot.resolve(f.getKey());
                try {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, f.getValue());
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Generates from the document in {@code file}; see {@link #generate(String, String, String, String)}. */
    public static Generated generate(Path file, String javaPackage, @Nullable String interfaceName) {
        return generate(OpenApiReader.text(file), file.getFileName().toString(), javaPackage, interfaceName);
    }

    /**
     * Generates from {@code text}, a YAML or JSON OpenAPI 3.x document.
     *
     * @param where names the document in errors and in the generated files' header
     * @param javaPackage the package of the generated types
     * @param interfaceName the contract interface's simple name; {@code null} for one made from the title
     * @throws IllegalArgumentException naming what cannot be generated
     */
    public static Generated generate(String text, String where, String javaPackage, @Nullable String interfaceName) {
        HttpApi api = OpenApiImport.read(text, where);
        String name = interfaceName != null ? interfaceName : OpenApiImport.interfaceName(api.name());
        JavaGenerator.Result r = JavaGenerator.generate(api, javaPackage, name, where);
        return new Generated(javaPackage.isEmpty() ? name : javaPackage + "." + name, api.model(), r.files(),
                r.skipped(), r.notes());
    }
}
