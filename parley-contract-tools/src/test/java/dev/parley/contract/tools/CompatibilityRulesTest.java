package dev.parley.contract.tools;

import static dev.parley.contract.tools.Models.addField;
import static dev.parley.contract.tools.Models.addOp;
import static dev.parley.contract.tools.Models.field;
import static dev.parley.contract.tools.Models.op;
import static dev.parley.contract.tools.Models.required;
import static dev.parley.contract.tools.Models.retyped;
import static dev.parley.contract.tools.Models.version;
import static dev.parley.contract.tools.Models.with;
import static dev.parley.contract.tools.Models.withErrors;
import static dev.parley.contract.tools.Models.withFlags;
import static dev.parley.contract.tools.Models.withMessages;
import static dev.parley.contract.tools.Models.withName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.tools.Schema.Field;
import dev.parley.contract.tools.Schema.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** One scenario per rule of the catalogue, each showing its rule fire with its severity and where. */
class CompatibilityRulesTest {

    private static final ApiModel V1 = ApiModel.of(Trips.TripService.class);
    private static final ApiModel EVENTS = ApiModel.of(Trips.TripEvents.class);
    private static final ApiModel QUOTES = ApiModel.of(Trips.DriverQuotes.class);
    private static final Schema INT32 = Schema.scalar(Kind.INTEGER, "int32");
    private static final Schema STRING = Schema.scalar(Kind.STRING, null);

    /** A scenario: the new model (from V1, a minor bump unless it says otherwise) and where the rule fires. */
    private record Scenario(ApiModel oldModel, ApiModel newModel, String path) {
        Scenario(ApiModel newModel, String path) {
            this(V1, newModel, path);
        }
    }

    private static ApiModel v11(ApiModel m) {
        return version(m, "1.1");
    }

    private static final Map<Rule, Supplier<Scenario>> SCENARIOS = new EnumMap<>(Rule.class);

    static {
        s(Rule.CONTRACT_RENAMED, () -> new Scenario(v11(Models.name(V1, "rides")), "contract"));
        s(Rule.CONTRACT_KIND_CHANGED, () -> new Scenario(v11(new ApiModel("trips", "1.0",
                ContractDescriptor.Kind.EVENTS, V1.operations(), V1.types())), "contract"));
        s(Rule.VERSION_DECREASED, () -> new Scenario(version(V1, "1.3"), v11(V1), "version"));
        s(Rule.VERSION_NOT_BUMPED, () -> new Scenario(addOp(V1, withName(V1.operation("all"), "recent")), "version"));
        s(Rule.OPERATION_REMOVED, () -> new Scenario(v11(op(V1, "cancel", o -> null)), "cancel"));
        s(Rule.OPERATION_RENAMED, () -> new Scenario(v11(op(V1, "all", o -> withName(o, "list"))), "all"));
        s(Rule.OPERATION_ADDED, () -> new Scenario(v11(addOp(V1, withName(V1.operation("get"), "find"))), "find"));
        s(Rule.STYLE_CHANGED, () -> new Scenario(v11(op(V1, "get", o -> with(o, InteractionStyle.NOTIFICATION))), "get"));
        s(Rule.STYLE_SYNC_ASYNC, () -> new Scenario(
                v11(op(V1, "create", o -> with(o, InteractionStyle.REQUEST_RESPONSE))), "create"));
        s(Rule.PARAMETER_ADDED, () -> new Scenario(
                v11(op(V1, "all", o -> withMessages(o, Schema.ref("TripId"), o.output()))), "all.input"));
        s(Rule.PARAMETER_REMOVED, () -> new Scenario(
                v11(op(V1, "get", o -> withMessages(o, null, o.output()))), "get.input"));
        s(Rule.RESULT_ADDED, () -> new Scenario(v11(op(V1, "cancel", o -> withMessages(
                with(o, InteractionStyle.REQUEST_RESPONSE), o.input(), Schema.ref("Trip")))), "cancel.output"));
        s(Rule.RESULT_REMOVED, () -> new Scenario(
                v11(op(V1, "get", o -> withMessages(o, o.input(), null))), "get.output"));
        s(Rule.EXCEPTION_ADDED, () -> new Scenario(
                v11(op(V1, "create", o -> withErrors(o, List.of("NoDriver")))), "create"));
        s(Rule.EXCEPTION_REMOVED, () -> new Scenario(v11(op(V1, "get", o -> withErrors(o, List.of()))), "get"));
        s(Rule.IDEMPOTENCY_REMOVED, () -> new Scenario(
                v11(op(V1, "get", o -> withFlags(o, false, false, o.timeoutMillis()))), "get"));
        s(Rule.IDEMPOTENCY_ADDED, () -> new Scenario(
                v11(op(V1, "cancel", o -> withFlags(o, true, false, null))), "cancel"));
        s(Rule.TIMEOUT_CHANGED, () -> new Scenario(v11(op(V1, "get", o -> withFlags(o, true, false, 2000L))), "get"));
        ApiModel http = op(V1, "get", o -> Models.withBindings(o, Map.of("http", "GET /trips/{id}")));
        s(Rule.BINDING_CHANGED, () -> new Scenario(http, v11(op(http, "get",
                o -> Models.withBindings(o, Map.of("http", "GET /trip/{id}")))), "get"));
        s(Rule.BINDING_REMOVED, () -> new Scenario(http, v11(op(http, "get", o -> Models.withBindings(o, Map.of()))), "get"));
        s(Rule.BINDING_ADDED, () -> new Scenario(op(V1, "get", o -> Models.withBindings(o, Map.of())), v11(http),
                "get"));
        s(Rule.NON_BLOCKING_CHANGED, () -> new Scenario(
                v11(op(V1, "get", o -> withFlags(o, true, true, o.timeoutMillis()))), "get"));
        s(Rule.TYPE_RENAMED, () -> new Scenario(v11(Models.renameType(V1, "Place", "Location")), "Trip.pickup"));
        s(Rule.TYPE_CHANGED, () -> new Scenario(
                v11(field(V1, "TripId", "value", f -> retyped(f, INT32))), "TripId.value"));
        s(Rule.FORMAT_CHANGED, () -> new Scenario(
                v11(field(V1, "Trip", "created", f -> retyped(f, Schema.scalar(Kind.STRING, "date")))), "Trip.created"));
        s(Rule.FORMAT_WIDENED, () -> new Scenario(v11(field(V1, "PickupRequest", "seats",
                f -> retyped(f, Schema.scalar(Kind.INTEGER, "int64")))), "PickupRequest.seats"));
        s(Rule.REQUEST_FIELD_REMOVED, () -> new Scenario(
                v11(field(V1, "PickupRequest", "note", f -> null)), "PickupRequest.note"));
        s(Rule.RESPONSE_FIELD_REMOVED, () -> new Scenario(v11(field(V1, "Trip", "status", f -> null)), "Trip.status"));
        s(Rule.RESPONSE_OPTIONAL_FIELD_REMOVED, () -> new Scenario(
                v11(field(V1, "Trip", "note", f -> null)), "Trip.note"));
        s(Rule.REQUEST_FIELD_ADDED_REQUIRED, () -> new Scenario(
                v11(addField(V1, "PickupRequest", new Field("luggage", INT32, true))), "PickupRequest.luggage"));
        s(Rule.REQUEST_FIELD_ADDED_OPTIONAL, () -> new Scenario(
                v11(addField(V1, "PickupRequest", new Field("luggage", INT32, false))), "PickupRequest.luggage"));
        s(Rule.RESPONSE_FIELD_ADDED, () -> new Scenario(
                v11(addField(V1, "Trip", new Field("eta", STRING, true))), "Trip.eta"));
        s(Rule.REQUEST_FIELD_MADE_REQUIRED, () -> new Scenario(
                v11(field(V1, "PickupRequest", "note", f -> required(f, true))), "PickupRequest.note"));
        s(Rule.REQUEST_FIELD_MADE_OPTIONAL, () -> new Scenario(
                v11(field(V1, "PickupRequest", "passenger", f -> required(f, false))), "PickupRequest.passenger"));
        s(Rule.RESPONSE_FIELD_MADE_OPTIONAL, () -> new Scenario(
                v11(field(V1, "Trip", "fare", f -> required(f, false))), "Trip.fare"));
        s(Rule.RESPONSE_FIELD_MADE_REQUIRED, () -> new Scenario(
                v11(field(V1, "Trip", "note", f -> required(f, true))), "Trip.note"));
        s(Rule.REQUEST_ENUM_NARROWED, () -> new Scenario(
                v11(Models.type(V1, "Seat", e -> Schema.enumOf(List.of("STANDARD")))), "Seat"));
        s(Rule.REQUEST_ENUM_WIDENED, () -> new Scenario(
                v11(Models.type(V1, "Seat", e -> Schema.enumOf(List.of("STANDARD", "XL", "VAN")))), "Seat"));
        s(Rule.RESPONSE_ENUM_WIDENED, () -> new Scenario(v11(Models.type(V1, "Status",
                e -> Schema.enumOf(List.of("REQUESTED", "ASSIGNED", "DONE", "CANCELLED")))), "Status"));
        s(Rule.RESPONSE_ENUM_NARROWED, () -> new Scenario(
                v11(Models.type(V1, "Status", e -> Schema.enumOf(List.of("REQUESTED", "DONE")))), "Status"));
    }

    private static void s(Rule rule, Supplier<Scenario> scenario) {
        SCENARIOS.put(rule, scenario);
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFiresInItsScenario() {
        return SCENARIOS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().id(), () -> {
            Scenario s = e.getValue().get();
            DiffReport report = CompatibilityChecker.compare(s.oldModel(), s.newModel());
            assertThat(report.changes()).as(report.text())
                    .anySatisfy(c -> {
                        assertThat(c.rule()).isEqualTo(e.getKey());
                        assertThat(c.severity()).isEqualTo(e.getKey().severity());
                        assertThat(c.path()).isEqualTo(s.path());
                    });
            boolean breaking = e.getKey().severity() == Severity.BREAKING;
            if (breaking) {
                assertThat(report.failed()).as("a minor bump with %s fails", e.getKey().id()).isTrue();
            }
        }));
    }

    @Test
    void everyRuleHasAScenario() {
        assertThat(SCENARIOS.keySet()).containsExactlyInAnyOrder(Rule.values());
    }

    @Test
    void everyRuleIsInTheCatalogueInDocs() throws IOException {
        String docs = Files.readString(Path.of("../docs/evolution.md"));
        assertThat(Arrays.stream(Rule.values()).map(Rule::id)).allSatisfy(id -> assertThat(docs).contains("`" + id + "`"));
    }

    @Test
    void anUnchangedContractHasNoChanges() {
        DiffReport report = CompatibilityChecker.compare(V1, ApiModel.of(Trips.TripService.class));
        assertThat(report.changes()).isEmpty();
        assertThat(report.verdict()).isEqualTo(DiffReport.Verdict.COMPATIBLE);
    }

    @Test
    void onlyCompatibleChangesPassAMinorBump() {
        ApiModel v11 = v11(addField(addOp(V1, withName(V1.operation("get"), "find")), "Trip",
                new Field("eta", STRING, false)));
        DiffReport report = CompatibilityChecker.compare(V1, v11);
        assertThat(report.verdict()).isEqualTo(DiffReport.Verdict.COMPATIBLE);
        assertThat(report.failed()).isFalse();
        assertThat(report.changes()).extracting(Change::rule)
                .containsExactlyInAnyOrder(Rule.OPERATION_ADDED, Rule.RESPONSE_FIELD_ADDED);
    }

    @Test
    void aMajorBumpMayBreak() {
        DiffReport report = CompatibilityChecker.compare(V1, version(op(V1, "cancel", o -> null), "2.0"));
        assertThat(report.verdict()).isEqualTo(DiffReport.Verdict.NEW_MAJOR);
        assertThat(report.failed()).isFalse();
        assertThat(report.text()).contains("breaking changes in a new major version");
    }

    @Test
    void aMinorBumpThatBreaksFails() {
        DiffReport report = CompatibilityChecker.compare(V1, v11(field(V1, "Trip", "status", f -> null)));
        assertThat(report.verdict()).isEqualTo(DiffReport.Verdict.BREAKING);
        assertThat(report.text()).startsWith("trips 1.0 -> trips 1.1: 1 breaking, 0 compatible, 0 cosmetic: FAILED")
                .contains("BREAKING   response-field-removed  Trip.status: removed (ref Status)".replace("ref ", ""));
    }

    @Test
    void anEventGainingARequiredFieldIsCompatibleSubscribersIgnoreIt() {
        ApiModel v11 = v11(addField(EVENTS, "TripCreated", new Field("passenger", STRING, true)));
        DiffReport report = CompatibilityChecker.compare(EVENTS, v11);
        assertThat(report.changes()).extracting(Change::rule).containsExactly(Rule.RESPONSE_FIELD_ADDED);
        DiffReport removed = CompatibilityChecker.compare(EVENTS, v11(field(EVENTS, "TripCreated", "pickup", f -> null)));
        assertThat(removed.changes()).extracting(Change::rule).containsExactly(Rule.RESPONSE_FIELD_REMOVED);
    }

    @Test
    void aScatterReplyIsWrittenByRespondersSoANewRequiredFieldBreaks() {
        ApiModel v11 = v11(addField(QUOTES, "Quote", new Field("currency", STRING, true)));
        DiffReport report = CompatibilityChecker.compare(QUOTES, v11);
        assertThat(report.changes()).extracting(Change::rule).containsExactly(Rule.REQUEST_FIELD_ADDED_REQUIRED);
        assertThat(report.failed()).isTrue();
    }

    @Test
    void aTypeInBothDirectionsIsJudgedInEach() {
        // Place is read in PickupRequest and written in Trip: a new required field breaks the request only.
        DiffReport report = CompatibilityChecker.compare(V1, v11(addField(V1, "Place", new Field("alt", INT32, true))));
        assertThat(report.changes()).extracting(Change::rule)
                .containsExactlyInAnyOrder(Rule.REQUEST_FIELD_ADDED_REQUIRED, Rule.RESPONSE_FIELD_ADDED);
    }

    @Test
    void theJsonReportCarriesTheVerdictAndEveryChange() {
        DiffReport report = CompatibilityChecker.compare(V1, v11(field(V1, "Trip", "status", f -> null)));
        assertThat(report.json()).contains("\"verdict\" : \"BREAKING\"").contains("\"rule\" : \"response-field-removed\"")
                .contains("\"severity\" : \"BREAKING\"").contains("\"path\" : \"Trip.status\"");
    }
}
