package dev.parley.contract.tools.internal;

import dev.parley.contract.InteractionStyle;
import dev.parley.contract.tools.Schema;
import dev.parley.contract.tools.Schema.Kind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an OpenAPI 3.x document (YAML or JSON, parsed by swagger-parser) into an {@link HttpApi}: the subset a
 * Parley contract can express (docs/evolution.md, "Contract-first"). Operations it cannot express are listed in
 * {@link HttpApi#skipped()} with the reason; schema constructs it reads as less ({@code oneOf} as any) in
 * {@link HttpApi#notes()}.
 */
@SuppressWarnings("rawtypes") // swagger-parser's model hands out raw Schema maps and lists
public final class OpenApiImport {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?.*");
    private static final Set<String> FORMATS = Set.of("int32", "int64", "float", "double", "date-time", "date",
            "uuid", "uri", "byte", "duration", "local-date-time", "local-time");
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization",
            "parley-deadline-ms");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final OpenAPI api;
    private final List<String> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Schema> types = new LinkedHashMap<>();
    private final Map<String, String> typeNames = new LinkedHashMap<>();

    private OpenApiImport(OpenAPI api) {
        this.api = api;
    }

    /**
     * Reads {@code text} (YAML or JSON), naming {@code where} in errors.
     *
     * @throws IllegalArgumentException when it is not an OpenAPI 3.x document
     */
    public static HttpApi read(String text, String where) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getOpenapi() == null) {
            throw new IllegalArgumentException(where + ": not an OpenAPI 3.x document"
                    + (result.getMessages() == null || result.getMessages().isEmpty() ? ""
                            : ": " + result.getMessages()));
        }
        return new OpenApiImport(api).read();
    }

    /** Whether {@code text} looks like an OpenAPI document (it has a top-level {@code openapi} key). */
    public static boolean looksLikeOpenApi(String text) {
        return Pattern.compile("(?m)^\\s*\"?openapi\"?\\s*:").matcher(text).find()
                || Pattern.compile("^\\s*\\{\\s*\"openapi\"").matcher(text).find();
    }

    private HttpApi read() {
        Map<String, Object> ext = api.getExtensions() == null ? Map.of() : api.getExtensions();
        String title = api.getInfo() == null || api.getInfo().getTitle() == null ? "api" : api.getInfo().getTitle();
        String name = ext.get("x-parley-contract") instanceof String s ? s : contractName(title);
        String docVersion = api.getInfo() == null ? null : api.getInfo().getVersion();
        String version = ext.get("x-parley-version") instanceof String s ? s : version(docVersion);
        int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            for (String n : api.getComponents().getSchemas().keySet()) {
                typeNames.put(n, Names.type(n, typeNames.values()));
            }
            for (var e : api.getComponents().getSchemas().entrySet()) {
                types.put(typeNames.get(e.getKey()), schema(e.getValue(), e.getKey()));
            }
        }
        String base = basePath();
        List<HttpApi.Op> ops = new ArrayList<>();
        Set<String> opNames = new HashSet<>();
        if (api.getPaths() != null) {
            for (var p : api.getPaths().entrySet()) {
                PathItem item = p.getValue();
                for (var m : item.readOperationsMap().entrySet()) {
                    String method = m.getKey().name();
                    String where = method + " " + p.getKey();
                    try {
                        if (!METHODS.contains(method)) {
                            throw new IllegalArgumentException("Parley maps GET, POST, PUT, PATCH and DELETE, not "
                                    + method);
                        }
                        String path = p.getKey().equals("/") && !base.isEmpty() ? base : base + p.getKey();
                        ops.add(operation(method, strip(path, major), item, m.getValue(), opNames));
                    } catch (IllegalArgumentException x) {
                        skipped.add(where + ": " + x.getMessage());
                    }
                }
            }
        }
        return new HttpApi(name, version, ops, types, List.copyOf(skipped), List.copyOf(notes));
    }

    private HttpApi.Op operation(String method, String path, PathItem item, Operation op, Set<String> opNames) {
        Map<String, Object> ext = op.getExtensions() == null ? Map.of() : op.getExtensions();
        String name = ext.get("x-parley-operation") instanceof String s ? s
                : op.getOperationId() != null ? Names.member(op.getOperationId()) : Names.member(method.toLowerCase(Locale.ROOT) + " " + path);
        for (int i = 2; !opNames.add(name); i++) {
            name = name.replaceAll("\\d+$", "") + i;
        }
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            all.addAll(op.getParameters());
        }
        Map<String, HttpApi.Param> params = new LinkedHashMap<>();
        for (Parameter p : all) {
            p = resolve(p);
            String in = p.getIn() == null ? "" : p.getIn();
            if (in.equals("header") && IGNORED_HEADERS.contains(p.getName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!Set.of("path", "query", "header").contains(in)) {
                throw new IllegalArgumentException("parameter '" + p.getName() + "' is in " + in
                        + "; Parley carries path, query and header parameters");
            }
            Schema s = schema(p.getSchema(), "parameter " + p.getName());
            if (!simple(s)) {
                throw new IllegalArgumentException("parameter '" + p.getName() + "' is " + s.describe()
                        + "; a path, query or header parameter is a string, number, boolean or enum");
            }
            String component = p.getExtensions() != null && p.getExtensions().get("x-parley-component") instanceof String c
                    ? c : Names.member(p.getName());
            if (in.equals("path") && !component.equals(p.getName())) {
                throw new IllegalArgumentException("path variable {" + p.getName() + "} is not a Java identifier;"
                        + " Parley names path variables after record components");
            }
            params.put(in + ":" + p.getName(), new HttpApi.Param(p.getName(), component, in, s,
                    in.equals("path") || Boolean.TRUE.equals(p.getRequired())));
        }
        Schema body = null;
        if (op.getRequestBody() != null) {
            var rb = op.getRequestBody();
            if (rb.get$ref() != null && api.getComponents() != null && api.getComponents().getRequestBodies() != null) {
                rb = api.getComponents().getRequestBodies().get(rb.get$ref().substring(rb.get$ref().lastIndexOf('/') + 1));
            }
            MediaType mt = json(rb == null ? null : rb.getContent(), "request body");
            if (mt != null) {
                body = schema(mt.getSchema(), name + " request body");
            }
        }
        List<HttpApi.Param> list = new ArrayList<>(params.values());
        Set<String> components = new HashSet<>();
        for (HttpApi.Param p : list) {
            if (!components.add(p.component())) {
                throw new IllegalArgumentException("two parameters are called '" + p.component() + "'");
            }
        }
        if (body != null && !list.isEmpty()) {
            List<Schema.Field> kept = new ArrayList<>();
            for (Schema.Field f : HttpApi.bodyFields(body, types)) {
                if (params.containsKey("path:" + f.name())) {
                    continue; // the path's value wins over the body's (docs/rest.md): one field
                }
                if (components.contains(f.name())) {
                    throw new IllegalArgumentException("body property '" + f.name() + "' has the name of a query or"
                            + " header parameter");
                }
                kept.add(f);
            }
            body = Schema.object(kept);
        }
        if (body != null && (method.equals("GET") || method.equals("DELETE"))) {
            throw new IllegalArgumentException("a " + method + " with a request body");
        }
        InteractionStyle style = InteractionStyle.REQUEST_RESPONSE;
        Schema output = null;
        String success = successCode(op);
        if (success != null) {
            ApiResponse r = op.getResponses().get(success);
            if (r.get$ref() != null && api.getComponents() != null && api.getComponents().getResponses() != null) {
                r = api.getComponents().getResponses().get(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1));
            }
            MediaType mt = json(r == null ? null : r.getContent(), "reply");
            if (mt != null) {
                output = schema(mt.getSchema(), name + " reply");
            } else if (success.equals("202") && !method.equals("GET")) {
                style = InteractionStyle.NOTIFICATION;
            }
        }
        if (ext.get("x-parley-style") instanceof String s) {
            style = style(s, name);
        }
        List<String> errors = ext.get("x-parley-errors") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of();
        Long timeout = ext.get("x-parley-timeout-ms") instanceof Number n ? n.longValue() : null;
        return new HttpApi.Op(name, method, path, style, list, body, output,
                Boolean.TRUE.equals(ext.get("x-parley-idempotent")), timeout, errors);
    }

    /** An interaction style by its label ({@code request/response}) or constant name. */
    static InteractionStyle style(String text, String where) {
        for (InteractionStyle st : InteractionStyle.values()) {
            if (st.label().equals(text) || st.name().equals(text)) {
                return st;
            }
        }
        throw new IllegalArgumentException(where + ": x-parley-style '" + text + "' is not an interaction style");
    }

    /**
     * The named schemas of {@code components} (JSON Schema, as {@code components.schemas} holds them) as model
     * schemas, by their Java names (a name that is one already stays as it is): read through the same rules as an OpenAPI document's, for other documents
     * that use JSON Schema (AsyncAPI).
     */
    static Map<String, Schema> schemas(com.fasterxml.jackson.databind.node.ObjectNode components, String where) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "schemas").put("version", "1.0");
        doc.putObject("paths");
        doc.putObject("components").set("schemas", components);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException(where + ": the schemas cannot be read: " + result.getMessages());
        }
        OpenApiImport reader = new OpenApiImport(result.getOpenAPI());
        reader.read();
        return new LinkedHashMap<>(reader.types);
    }

    /** The lowest 2xx reply, or null. */
    private static @Nullable String successCode(Operation op) {
        if (op.getResponses() == null) {
            return null;
        }
        return op.getResponses().keySet().stream().filter(c -> c.startsWith("2")).sorted().findFirst().orElse(null);
    }

    /** The JSON media type of {@code content}, or null when there is none; refuses bodies Parley cannot read. */
    private static @Nullable MediaType json(@Nullable Content content, String what) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        for (var e : content.entrySet()) {
            if (e.getKey().equals("application/json")) {
                return e.getValue();
            }
        }
        for (var e : content.entrySet()) {
            if (e.getKey().contains("json") || e.getKey().equals("*/*")) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("the " + what + " is " + content.keySet() + "; Parley's bodies are JSON"
                + " (the runtime's codecs), not forms, files or text");
    }

    private Parameter resolve(Parameter p) {
        if (p.get$ref() != null && api.getComponents() != null && api.getComponents().getParameters() != null) {
            Parameter found = api.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
            if (found != null) {
                return found;
            }
        }
        return p;
    }

    private boolean simple(Schema s) {
        Schema r = s.kind() == Kind.REF ? types.get(s.ref()) : s;
        return r != null && switch (r.kind()) {
            case STRING, INTEGER, NUMBER, BOOLEAN, ENUM -> true;
            default -> false;
        } && !"byte".equals(r.format());
    }

    /** The path of the first server's URL ({@code /api/v1} of {@code https://h/api/v1}), without a trailing slash. */
    private String basePath() {
        if (api.getServers() == null || api.getServers().isEmpty() || api.getServers().getFirst().getUrl() == null) {
            return "";
        }
        String url = api.getServers().getFirst().getUrl().replaceAll("\\{[^}]*}", "x");
        try {
            String path = URI.create(url).getPath();
            path = path == null ? "" : path;
            return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        } catch (IllegalArgumentException e) {
            notes.add("servers[0].url '" + url + "' is not a URL; paths are read without it");
            return "";
        }
    }

    /** A path without its {@code /v{major}} prefix: Parley serves every resource under it. */
    private static String strip(String path, int major) {
        String prefix = "/v" + major;
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path.equals(prefix) ? "/" : path;
    }

    /** A Java interface name for a contract name: {@code pet-store} -> {@code PetStore}. */
    public static String interfaceName(String contract) {
        return Names.type(contract, Set.of());
    }

    static String contractName(String title) {
        String n = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[^a-z]+|-+$", "");
        return n.isEmpty() ? "api" : n;
    }

    private String version(@Nullable String v) {
        Matcher m = VERSION.matcher(v == null ? "" : v.trim());
        if (m.matches()) {
            return Integer.parseInt(m.group(1)) + "." + (m.group(2) == null ? "0" : Integer.parseInt(m.group(2)));
        }
        notes.add("info.version '" + v + "' is not major.minor; read as 1.0");
        return "1.0";
    }

    private Schema schema(io.swagger.v3.oas.models.media.@Nullable Schema<?> s, String where) {
        if (s == null) {
            return Schema.any();
        }
        if (s.get$ref() != null) {
            String ref = s.get$ref();
            String n = ref.substring(ref.lastIndexOf('/') + 1);
            if (!ref.startsWith("#/components/schemas/") || !typeNames.containsKey(n)) {
                notes.add(where + ": $ref " + ref + " is not a schema of this document; read as any");
                return Schema.any();
            }
            return Schema.ref(typeNames.get(n));
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            return allOf(s, where);
        }
        if (s.getOneOf() != null && !s.getOneOf().isEmpty() || s.getAnyOf() != null && !s.getAnyOf().isEmpty()) {
            notes.add(where + ": oneOf/anyOf has no Java record form; read as any (java.lang.Object)");
            return Schema.any();
        }
        String type = type(s);
        if (type == null) {
            return Schema.any();
        }
        String format = s.getFormat() != null && FORMATS.contains(s.getFormat()) ? s.getFormat() : null;
        return switch (type) {
            case "string" -> s.getEnum() != null && !s.getEnum().isEmpty()
                    ? Schema.enumOf(s.getEnum().stream().map(String::valueOf).distinct().toList())
                    : Schema.scalar(Kind.STRING, format);
            case "integer" -> Schema.scalar(Kind.INTEGER, format != null && format.startsWith("int") ? format : null);
            case "number" -> Schema.scalar(Kind.NUMBER, "float".equals(format) || "double".equals(format) ? format : null);
            case "boolean" -> Schema.scalar(Kind.BOOLEAN, null);
            case "array" -> Schema.array(schema(s.getItems(), where + "[]"), Boolean.TRUE.equals(s.getUniqueItems()));
            case "object" -> object(s, where);
            default -> Schema.any();
        };
    }

    private static @Nullable String type(io.swagger.v3.oas.models.media.Schema<?> s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            List<String> t = s.getTypes().stream().filter(x -> !x.equals("null")).toList();
            if (t.size() == 1) {
                return t.getFirst();
            }
            return null;
        }
        if (s.getProperties() != null || s.getAdditionalProperties() != null) {
            return "object";
        }
        return s.getItems() != null ? "array" : null;
    }

    private Schema object(io.swagger.v3.oas.models.media.Schema<?> s, String where) {
        if (s.getProperties() == null || s.getProperties().isEmpty()) {
            Object extra = s.getAdditionalProperties();
            return Schema.map(extra instanceof io.swagger.v3.oas.models.media.Schema<?> v ? schema(v, where + "{}")
                    : Schema.any());
        }
        List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
        List<Schema.Field> fields = new ArrayList<>();
        for (var p : s.getProperties().entrySet()) {
            if (p.getValue().getExtensions() != null && Boolean.TRUE.equals(p.getValue().getExtensions().get("x-parley-links"))) {
                continue;
            }
            Schema f = schema(p.getValue(), where + "." + p.getKey());
            // Parley's tolerant reader reads a missing list or map as empty: such a field is never required.
            boolean collection = f.kind() == Kind.ARRAY && !"byte".equals(f.format()) || f.kind() == Kind.MAP;
            fields.add(new Schema.Field(p.getKey(), f, required.contains(p.getKey()) && !collection));
        }
        return Schema.object(fields);
    }

    private Schema allOf(io.swagger.v3.oas.models.media.Schema<?> s, String where) {
        List<Schema.Field> fields = new ArrayList<>();
        for (var part : s.getAllOf()) {
            Schema p = schema(part, where);
            Schema r = p;
            for (int i = 0; r != null && r.kind() == Kind.REF && i < 64; i++) {
                r = types.get(r.ref());
                if (r == null) {
                    r = resolveLater(p.ref());
                }
            }
            if (s.getAllOf().size() == 1 && (s.getProperties() == null || s.getProperties().isEmpty())) {
                return p;
            }
            if (r == null || r.kind() != Kind.OBJECT) {
                notes.add(where + ": allOf of " + p.describe() + ", not an object; read as any");
                return Schema.any();
            }
            fields.addAll(r.fields());
        }
        if (s.getProperties() != null && !s.getProperties().isEmpty()) {
            fields.addAll(object(s, where).fields());
        }
        return Schema.object(fields);
    }

    /** A named type referred to by an {@code allOf} before it was read in the components' order. */
    private @Nullable Schema resolveLater(@Nullable String typeName) {
        for (var e : typeNames.entrySet()) {
            if (e.getValue().equals(typeName) && api.getComponents().getSchemas().get(e.getKey()) != null) {
                Schema s = schema(api.getComponents().getSchemas().get(e.getKey()), e.getKey());
                types.putIfAbsent(typeName, s);
                return s;
            }
        }
        return null;
    }
}
