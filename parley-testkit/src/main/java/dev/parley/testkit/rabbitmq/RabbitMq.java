package dev.parley.testkit.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

/**
 * The RabbitMQ broker as one test sees it: a vhost of its own on the machine's broker, created for the test
 * and deleted with everything in it afterwards, so a test never sees or removes another's queues. Obtain one
 * as a parameter of a test (one vhost per test) or of a {@code @BeforeAll} method (one per class) in a class
 * extended with {@link RabbitMqExtension}.
 *
 * <pre>{@code
 * @ExtendWith(RabbitMqExtension.class)
 * class OrdersOverRabbitTest {
 *     @Test
 *     void delivers(RabbitMq rabbit) {
 *         parley.subscribe(Orders.class, "billing", billing, rabbit.address("orders"));
 *     }
 * }
 * }</pre>
 */
public final class RabbitMq implements AutoCloseable {

    private final String host;
    private final int port;
    private final String vhost;
    private final Rabbitmqctl rabbitmqctl;

    RabbitMq(String host, int port, String vhost, Rabbitmqctl rabbitmqctl) {
        this.host = host;
        this.port = port;
        this.vhost = vhost;
        this.rabbitmqctl = rabbitmqctl;
    }

    /** {@code amqp://guest:guest@host:port?vhost=V}: this test's broker, with no channel named. */
    public String uri() {
        return address("");
    }

    /** {@code amqp://guest:guest@host:port/NAME?vhost=V}: the channel {@code name} on this test's broker. */
    public String address(String name) {
        return "amqp://" + RabbitMqExtension.USER + ":" + RabbitMqExtension.PASSWORD + "@" + host + ":" + port
                + (name.isEmpty() ? "" : "/" + name) + "?vhost=" + URLEncoder.encode(vhost, StandardCharsets.UTF_8);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** This test's vhost; it exists until the test (or class) ends. */
    public String vhost() {
        return vhost;
    }

    /** A new factory for raw amqp-client connections to this test's vhost. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = RabbitMqExtension.factory(host, port);
        factory.setVirtualHost(vhost);
        return factory;
    }

    /** A raw amqp-client connection to this test's vhost; the caller closes it. */
    public Connection connect() {
        try {
            return connectionFactory().newConnection("parley-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("RabbitMQ on " + host + ":" + port + " did not answer", e);
        }
    }

    /**
     * Restarts the broker application ({@code rabbitmqctl stop_app}, then {@code start_app}) and returns once
     * it accepts connections again; connected clients see their connections drop. The broker is started again
     * even when stopping it fails half-way. Other tests on this machine share the broker: use sparingly.
     */
    public void restartBroker() {
        try {
            rabbitmqctl.run("stop_app");
        } finally {
            rabbitmqctl.run("start_app");
            rabbitmqctl.run("await_startup");
        }
    }

    /** Runs {@code rabbitmqctl -q args...} against the machine's broker and returns what it printed. */
    public String rabbitmqctl(String... args) {
        return rabbitmqctl.run(args);
    }

    /** Deletes this test's vhost with every queue and exchange in it. */
    @Override
    public void close() {
        rabbitmqctl.run("delete_vhost", vhost);
    }

    @Override
    public String toString() {
        return "RabbitMQ " + host + ":" + port + " vhost " + vhost;
    }
}
