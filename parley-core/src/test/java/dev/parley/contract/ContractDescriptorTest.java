package dev.parley.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.OneWay;
import dev.parley.Publish;
import dev.parley.Replies;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ContractDescriptorTest {

    record TripId(String id) {
    }

    record Trip(String id) {
    }

    static final class TripNotFound extends Exception {
        private static final long serialVersionUID = 1L;

        TripNotFound(String message) {
            super(message);
        }
    }

    public static final class NoMessageConstructor extends Exception {
        private static final long serialVersionUID = 1L;
    }

    @Contract(name = "trips", version = "2.1")
    interface Trips {
        @Idempotent
        Trip get(TripId id);

        CompletableFuture<Trip> create(TripId id);

        CompletionStage<Void> archive(TripId id);

        @OneWay
        void cancel(TripId id);

        List<Trip> all();

        void ping();

        default Trip getOrNull(TripId id) {
            return get(id);
        }
    }

    @Contract(name = "trip-events")
    interface TripEvents {
        @Publish
        void tripCreated(Trip e);

        @Publish
        Replies<Trip> quote(TripId id);

        @Publish
        CompletableFuture<Replies<Trip>> quoteAsync(TripId id);
    }

    @Test
    void everyMethodIsClassifiedByItsShape() {
        ContractDescriptor d = ContractDescriptor.of(Trips.class);
        assertThat(d.name()).isEqualTo("trips");
        assertThat(d.version()).isEqualTo("2.1");
        assertThat(d.channel()).isEqualTo("trips.v2");
        assertThat(d.kind()).isEqualTo(ContractDescriptor.Kind.SERVICE);
        assertThat(d.operation("get").style()).isEqualTo(InteractionStyle.REQUEST_RESPONSE);
        assertThat(d.operation("get").idempotent()).isTrue();
        assertThat(d.operation("create").style()).isEqualTo(InteractionStyle.REQUEST_ASYNC_RESPONSE);
        assertThat(d.operation("create").resultType()).isEqualTo(Trip.class);
        assertThat(d.operation("archive").resultType()).isEqualTo(Void.class);
        assertThat(d.operation("cancel").style()).isEqualTo(InteractionStyle.NOTIFICATION);
        assertThat(d.operation("all").parameterType()).isNull();
        assertThat(d.operation("ping").resultType()).isEqualTo(Void.class);
        assertThat(d.operation("getOrNull")).as("default methods are not operations").isNull();
    }

    @Test
    void publishMethodsAreOneToMany() {
        ContractDescriptor d = ContractDescriptor.of(TripEvents.class);
        assertThat(d.kind()).isEqualTo(ContractDescriptor.Kind.EVENTS);
        assertThat(d.version()).isEqualTo("1.0");
        assertThat(d.operation("tripCreated").style()).isEqualTo(InteractionStyle.PUBLISH_SUBSCRIBE);
        assertThat(d.operation("quote").style()).isEqualTo(InteractionStyle.PUBLISH_ASYNC_RESPONSE);
        assertThat(d.operation("quote").resultType()).isEqualTo(Trip.class);
        assertThat(d.operation("quoteAsync").async()).isTrue();
    }

    @Test
    void descriptorIsReadOnceAndCached() {
        assertThat(ContractDescriptor.of(Trips.class)).isSameAs(ContractDescriptor.of(Trips.class));
    }

    @Test
    void declaredExceptionsAreKept() {
        ContractDescriptor d = ContractDescriptor.of(WithException.class);
        assertThat(d.operation("get").declaredExceptions()).containsExactly(TripNotFound.class);
        assertThat(d.operation("get").declaredException("TripNotFound")).isEqualTo(TripNotFound.class);
        assertThat(d.operation("get").declaredException("java.lang.Runtime")).isNull();
    }

    @Contract(name = "x")
    interface WithException {
        Trip get(TripId id) throws TripNotFound;
    }

    // ---- refused shapes: each names the interface, the method and the rule ------------------------------

    @Contract(name = "bad")
    interface Overloaded {
        Trip get(TripId id);

        Trip get(Trip t);
    }

    @Test
    void overloadedOperationNameIsRefused() {
        refused(Overloaded.class, "Overloaded.get", "overloaded");
    }

    @Contract(name = "bad")
    interface OneWayWithResult {
        @OneWay
        Trip cancel(TripId id);
    }

    @Test
    void oneWayWithAReturnValueIsRefused() {
        refused(OneWayWithResult.class, "OneWayWithResult.cancel", "@OneWay must return void");
    }

    @Contract(name = "bad")
    interface PublishPlainValue {
        @Publish
        Trip created(Trip t);
    }

    @Test
    void publishReturningAPlainValueIsRefused() {
        refused(PublishPlainValue.class, "PublishPlainValue.created", "@Publish must return void");
    }

    @Contract(name = "bad")
    @SuppressWarnings("rawtypes")
    interface RawFuture {
        CompletableFuture create(TripId id);
    }

    @Test
    void rawCompletableFutureIsRefused() {
        refused(RawFuture.class, "RawFuture.create", "raw CompletableFuture");
    }

    @Contract(name = "bad")
    interface ObjectParameter {
        Trip get(Object id);
    }

    @Test
    void objectParameterIsRefused() {
        refused(ObjectParameter.class, "ObjectParameter.get", "Object, which carries no schema");
    }

    @Contract(name = "bad")
    interface GenericMethod {
        <T> T get(TripId id);
    }

    @Test
    void genericMethodIsRefused() {
        refused(GenericMethod.class, "GenericMethod.get", "generic methods are not allowed");
    }

    @Contract(name = "bad")
    interface TwoParameters {
        Trip get(TripId id, String region);
    }

    @Test
    void twoParametersAreRefused() {
        refused(TwoParameters.class, "TwoParameters.get", "at most one (wrap several in a record)");
    }

    @Contract(name = "bad")
    interface OneWayAndPublish {
        @OneWay
        @Publish
        void both(Trip t);
    }

    @Test
    void oneWayAndPublishTogetherAreRefused() {
        refused(OneWayAndPublish.class, "OneWayAndPublish.both", "cannot both be set");
    }

    @Contract(name = "bad")
    interface RepliesWithoutPublish {
        Replies<Trip> quote(TripId id);
    }

    @Test
    void repliesWithoutPublishAreRefused() {
        refused(RepliesWithoutPublish.class, "RepliesWithoutPublish.quote", "is not @Publish");
    }

    @Contract(name = "bad")
    interface WildcardResult {
        List<? extends Trip> all();
    }

    @Test
    void wildcardIsRefused() {
        refused(WildcardResult.class, "WildcardResult.all", "wildcard");
    }

    @Contract(name = "bad")
    interface PlainFuture {
        Future<Trip> get(TripId id);
    }

    @Test
    void plainFutureIsRefused() {
        refused(PlainFuture.class, "PlainFuture.get", "CompletableFuture<R> or CompletionStage<R>");
    }

    @Contract(name = "bad")
    interface Mixed {
        Trip get(TripId id);

        @Publish
        void created(Trip t);
    }

    @Test
    void mixingPublishAndRequestOperationsIsRefused() {
        refused(Mixed.class, "Mixed.get", "either all @Publish operations or none");
    }

    @Contract(name = "bad")
    interface BadException {
        Trip get(TripId id) throws NoMessageConstructor;
    }

    @Test
    void declaredExceptionWithoutAMessageConstructorIsRefused() {
        refused(BadException.class, "BadException.get", "needs a constructor taking the message");
    }

    record Hidden(String x) {
    }

    @Contract(name = "bad")
    public interface ReturnsHidden {
        Hidden get(TripId id);
    }

    @Test
    void publicContractReturningANonPublicTypeIsRefused() {
        refused(ReturnsHidden.class, "ReturnsHidden.get", "which is not public");
    }

    @Contract(name = "bad")
    interface PublishWithoutEvent {
        @Publish
        void created();
    }

    @Test
    void publishWithoutAnEventIsRefused() {
        refused(PublishWithoutEvent.class, "PublishWithoutEvent.created", "exactly one parameter");
    }

    @Contract(name = "Bad Name")
    interface BadName {
        void x();
    }

    @Contract(name = "bad", version = "1")
    interface BadVersion {
        void x();
    }

    interface NotAnnotated {
        void x();
    }

    @Contract(name = "bad")
    interface Empty {
    }

    @Test
    void contractLevelRulesNameTheInterface() {
        refused(BadName.class, "BadName", "must match");
        refused(BadVersion.class, "BadVersion", "must be major.minor");
        refused(NotAnnotated.class, "NotAnnotated", "must be annotated @Contract");
        refused(Empty.class, "Empty", "at least one operation");
        refused(Trip.class, "Trip", "must be an interface");
    }

    private static void refused(Class<?> type, String where, String rule) {
        assertThatThrownBy(() -> ContractDescriptor.of(type))
                .isInstanceOf(InvalidContractException.class)
                .hasMessageContaining(type.getName().replace(type.getSimpleName(), "") + where)
                .hasMessageContaining(rule);
    }
}
