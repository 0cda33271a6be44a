package dev.parley.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contract-first round trip over real public OpenAPI documents (src/test/resources/openapi, sources in the README
 * there): generate the Java contract, compile it with javax.tools, export it to OpenAPI 3.1, read that back, and
 * compare with the original through the checker: only cosmetic differences. Operations a contract cannot express
 * must be the ones the generator reported, each with its reason.
 */
class OpenApiRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // document, operations that come through, operations expected to be left out (a form or file body, a
        // list-valued query parameter; the Star Trek API's 40 searches are all form posts)
        "petstore.yaml, 16, 'GET /pet/findByStatus,GET /pet/findByTags,POST /pet/{petId},POST /pet/{petId}/uploadImage'",
        "petstore-expanded.yaml, 3, 'GET /pets'",
        "uspto.yaml, 2, 'POST /{dataset}/{version}/records'",
        "star-trek.yaml, 80, FORMS",
    })
    void generateCompileExportGivesBackTheSameApi(String document, int through, String leftOut) throws Exception {
        String text = resource("openapi/" + document);
        String pkg = "gen." + document.replaceAll("\\.yaml$", "").replaceAll("[^a-z]", "");
        ContractGenerator.Generated g = ContractGenerator.generate(text, document, pkg, null);
        ApiModel original = g.model();

        Class<?> contract = compile(g);
        String exported = OpenApiExporter.export(contract).toPrettyString();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(exported);
        assertThat(parsed.getMessages()).as("the exported document validates").isEmpty();
        ApiModel back = OpenApiReader.read(exported, "exported " + document);

        System.out.println(document + ": skipped " + g.skipped() + "\n  notes " + g.notes());
        if (leftOut.equals("FORMS")) {
            assertThat(g.skipped()).hasSize(40).allMatch(s -> s.matches("POST /\\w+/search: the request body is"
                    + " \\[application/x-www-form-urlencoded]; .*"));
        } else {
            Set<String> expectedLeftOut = leftOut.isEmpty() ? Set.of() : Set.of(leftOut.split(","));
            assertThat(g.skipped().stream().map(s -> s.replaceAll("( \\(|: ).*", "")).collect(Collectors.toSet()))
                    .as("operations left out, each with its reason").isEqualTo(expectedLeftOut);
        }
        List<String> missing = original.operations().stream().map(OperationModel::name)
                .filter(n -> back.operation(n) == null).toList();
        for (String n : missing) {
            assertThat(String.join("\n", g.skipped())).as("left out by the generator").contains("(" + n + ")");
        }

        List<OperationModel> kept = original.operations().stream().filter(o -> back.operation(o.name()) != null)
                .toList();
        ApiModel comparable = new ApiModel(original.name(), original.version(), original.kind(), kept,
                original.types());
        DiffReport report = CompatibilityChecker.compare(comparable, back);
        assertThat(report.changes().stream().filter(c -> c.severity() != Severity.COSMETIC).toList())
                .as(report.text()).isEmpty();
        assertThat(back.operations()).hasSize(original.operations().size() - missing.size()).hasSize(through);
    }

    private Class<?> compile(ContractGenerator.Generated g) throws IOException, ClassNotFoundException {
        Path src = dir.resolve("src");
        Path out = Files.createDirectories(dir.resolve("classes"));
        g.writeTo(src);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> files = new ArrayList<>();
        for (String f : g.files().keySet()) {
            files.add(src.resolve(f));
        }
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("--release", "21", "-proc:none", "-d",
                    out.toString(), "-cp", System.getProperty("java.class.path")), null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
            assertThat(ok).as(() -> diagnostics.getDiagnostics().stream().map(Object::toString)
                    .collect(Collectors.joining("\n"))).isTrue();
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
        return Class.forName(g.contract(), true, loader);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = OpenApiRoundTripTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
