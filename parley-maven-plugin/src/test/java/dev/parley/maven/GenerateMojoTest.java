package dev.parley.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parley:generate as Maven runs it, minus Maven: fields set as its injection would set them. */
class GenerateMojoTest {

    private static final String DOC = """
            openapi: 3.0.3
            info: {title: Shop, version: 2.1.0}
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
              /items:
                post:
                  operationId: upload
                  requestBody: {content: {multipart/form-data: {schema: {type: object}}}}
                  responses: {'204': {description: done}}
            components:
              schemas:
                Item: {type: object, required: [id], properties: {id: {type: string}, price: {type: number}}}
            """;

    @TempDir
    Path dir;

    @Test
    void writesTheContractIntoGeneratedSourcesAndAddsThemToTheCompile() throws Exception {
        GenerateMojo mojo = mojo();
        mojo.execute();
        assertThat(dir.resolve("out/com/example/shop/Shop.java")).content()
                .contains("@dev.parley.Contract(name = \"shop\", version = \"2.1\")", "Item getItem(GetItemRequest request);");
        assertThat(dir.resolve("out/com/example/shop/Item.java")).exists();
        assertThat(mojo.project.getCompileSourceRoots()).contains(dir.resolve("out").toString());
    }

    @Test
    void anOperationThatCannotBeGeneratedFailsTheBuildWhenAskedTo() throws Exception {
        GenerateMojo mojo = mojo();
        mojo.failOnSkipped = true;
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("1 operations").hasMessageContaining("parley.failOnSkipped");
        mojo.openapi = dir.resolve("missing.yaml").toFile();
        assertThatThrownBy(mojo::execute).hasMessageContaining("no OpenAPI document at");
    }

    private GenerateMojo mojo() throws Exception {
        Path doc = Files.writeString(dir.resolve("shop.yaml"), DOC);
        GenerateMojo mojo = new GenerateMojo();
        mojo.openapi = doc.toFile();
        mojo.packageName = "com.example.shop";
        mojo.outputDirectory = dir.resolve("out").toFile();
        mojo.project = new MavenProject();
        return mojo;
    }
}
