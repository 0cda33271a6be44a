package dev.parley.testkit.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a test class against the RabbitMQ service on {@code 127.0.0.1:5672} (user {@code guest}), and hands each
 * test that asks for one a {@link RabbitMq} with a vhost of its own. Nothing is started here: on CI
 * ({@code CI=true}) {@code .ci/run} starts the broker, and a broker that does not answer fails the class; off CI
 * the class is skipped, with a notice on standard error and in the test report, when no broker answers.
 *
 * <p>{@code rabbitmqctl} must be runnable too (it creates and deletes the vhosts and restarts the broker in fault
 * tests). Override with system properties {@code parley.rabbitmq.host}, {@code parley.rabbitmq.port} (or the
 * environment's {@code PARLEY_RABBITMQ_HOST}, {@code PARLEY_RABBITMQ_PORT}) and {@code parley.rabbitmqctl}.
 */
public final class RabbitMqExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    static final String USER = "guest";
    static final String PASSWORD = "guest";
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RabbitMqExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> problem = problem(context);
        if (problem.isEmpty() || onCi()) {
            return ConditionEvaluationResult.enabled("RabbitMQ answers, or on CI, where it must");
        }
        String notice = "RabbitMQ tests skipped: " + problem.get();
        if (context.getTestMethod().isEmpty()) {
            System.err.println("NOTICE: " + notice + " (" + context.getDisplayName() + ")");
        }
        return ConditionEvaluationResult.disabled(notice);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> problem = problem(context);
        if (problem.isPresent()) { // only on CI: off CI the condition skipped the class
            throw new IllegalStateException(problem.get() + "; on CI the broker must run: .ci/run starts it with "
                    + "'rabbitmq-server -detached'");
        }
    }

    private static Optional<String> problem(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("availability", key -> new Availability(check()), Availability.class).problem();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RabbitMq.class;
    }

    @Override
    public RabbitMq resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Stored in the context that asked: a test method's vhost is deleted after the test, a @BeforeAll's after the class.
        // The key names the context because a store lookup also finds what enclosing contexts stored.
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(context.getUniqueId(), key -> newBroker(context), RabbitMq.class);
    }

    static ConnectionFactory factory(String host, int port) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(USER);
        factory.setPassword(PASSWORD);
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    private static RabbitMq newBroker(ExtensionContext context) {
        Rabbitmqctl rabbitmqctl = Rabbitmqctl.find().orElseThrow();
        String vhost = vhostName(context);
        rabbitmqctl.run("add_vhost", vhost);
        RabbitMq broker = new RabbitMq(host(), port(), vhost, rabbitmqctl);
        try {
            rabbitmqctl.run("set_permissions", "-p", vhost, USER, ".*", ".*", ".*");
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private static String vhostName(ExtensionContext context) {
        String test = context.getTestClass().map(Class::getSimpleName).orElse("test")
                + context.getTestMethod().map(m -> "-" + m.getName()).orElse("");
        String random = UUID.randomUUID().toString().substring(0, 8);
        return ("parley-" + test + "-" + random).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> check() {
        String host = host();
        int port = port();
        try (Connection connection = factory(host, port).newConnection("parley-test-probe")) {
            connection.getServerProperties();
        } catch (Exception e) {
            return Optional.of("no RabbitMQ answers on " + host + ":" + port + " as " + USER + " (" + e + ")");
        }
        if (Rabbitmqctl.find().isEmpty()) {
            return Optional.of("RabbitMQ answers on " + host + ":" + port + " but rabbitmqctl was not found on the "
                    + "PATH or in /usr/sbin (set -Dparley.rabbitmqctl=...)");
        }
        return Optional.empty();
    }

    private static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String host() {
        return setting("parley.rabbitmq.host", "PARLEY_RABBITMQ_HOST", "127.0.0.1");
    }

    private static int port() {
        return Integer.parseInt(setting("parley.rabbitmq.port", "PARLEY_RABBITMQ_PORT", "5672"));
    }

    private static String setting(String property, String environment, String otherwise) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? otherwise : value;
    }

    private record Availability(Optional<String> problem) {}
}
