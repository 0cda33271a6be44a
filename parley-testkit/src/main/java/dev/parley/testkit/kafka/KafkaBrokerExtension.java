package dev.parley.testkit.kafka;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a real, forked {@link KafkaBroker}.
 *
 * <p>{@code @ExtendWith(KafkaBrokerExtension.class)} shares one broker with every test class of the run
 * that asks for it (it starts with the first and is killed and deleted when the run ends); tests get it as
 * a {@link KafkaBroker} parameter ({@code @RegisterExtension static final KafkaBrokerExtension KAFKA =
 * KafkaBrokerExtension.shared()} gives it as {@code KAFKA.broker()}). A test class that stops, kills or
 * restarts its broker registers its own:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.dedicated();
 *
 * @Test
 * void survivesARestart() {
 *     KAFKA.broker().kill();
 *     KAFKA.broker().restart();
 * }
 * }</pre>
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    private final boolean dedicated;
    private final Map<String, String> overrides;
    private volatile @Nullable KafkaBroker broker;

    /** The shared broker; used by {@code @ExtendWith}. */
    public KafkaBrokerExtension() {
        this(false, Map.of());
    }

    private KafkaBrokerExtension(boolean dedicated, Map<String, String> overrides) {
        this.dedicated = dedicated;
        this.overrides = Map.copyOf(overrides);
    }

    /** The broker shared by the run, for {@code @RegisterExtension} (same as {@code @ExtendWith}). */
    public static KafkaBrokerExtension shared() {
        return new KafkaBrokerExtension();
    }

    /** A broker of the test class's own, started before its first test and killed after its last. */
    public static KafkaBrokerExtension dedicated() {
        return new KafkaBrokerExtension(true, Map.of());
    }

    /** A broker of the test class's own, with {@code overrides} on top of the test defaults. */
    public static KafkaBrokerExtension dedicated(Map<String, String> overrides) {
        return new KafkaBrokerExtension(true, overrides);
    }

    /** The broker; available from {@code @BeforeAll} on. */
    public KafkaBroker broker() {
        KafkaBroker current = broker;
        if (current == null) {
            throw new IllegalStateException("the Kafka broker starts before the test class's first test");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (dedicated) {
            broker = context.getStore(NAMESPACE).getOrComputeIfAbsent(KafkaBroker.class,
                    key -> KafkaBroker.start(overrides), KafkaBroker.class);
        } else {
            broker = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(KafkaBroker.class,
                    key -> KafkaBroker.start(), KafkaBroker.class);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker();
    }
}
