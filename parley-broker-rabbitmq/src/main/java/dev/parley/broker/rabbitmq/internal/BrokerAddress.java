package dev.parley.broker.rabbitmq.internal;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The broker part of an {@code amqp://} address: {@code amqp://[user:password@]host[:port][,host[:port]...][?vhost=V]}.
 * Several hosts name the nodes of one cluster, tried in turn. The path of a Parley address names the channel
 * (see {@code Channels}), so the vhost goes in the query; without one it is the default vhost {@code /}.
 */
public record BrokerAddress(List<Address> nodes, String user, String password, String vhost) {

    static final int DEFAULT_PORT = ConnectionFactory.DEFAULT_AMQP_PORT;

    public BrokerAddress {
        nodes = List.copyOf(nodes);
    }

    public static BrokerAddress parse(URI uri) {
        if (!"amqp".equalsIgnoreCase(uri.getScheme())) {
            throw invalid(uri, "the scheme must be amqp");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw invalid(uri, "no host");
        }
        String user = ConnectionFactory.DEFAULT_USER;
        String password = ConnectionFactory.DEFAULT_PASS;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        List<Address> nodes = new ArrayList<>();
        for (String node : authority.split(",")) {
            nodes.add(node(uri, node));
        }
        return new BrokerAddress(nodes, user, password, vhost(uri));
    }

    /** A connection factory for this address (nodes are passed when connecting). */
    ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost(vhost);
        return factory;
    }

    /** The address as logs may show it: no password. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("amqp://").append(user).append('@');
        for (int i = 0; i < nodes.size(); i++) {
            s.append(i == 0 ? "" : ",").append(nodes.get(i).getHost()).append(':').append(nodes.get(i).getPort());
        }
        return s.append(vhost.equals("/") ? "" : "?vhost=" + vhost).toString();
    }

    private static String vhost(URI uri) {
        String vhost = "/";
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return vhost;
        }
        for (String parameter : query.split("&")) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            if (!name.equals("vhost")) {
                throw invalid(uri, "unknown parameter '" + name + "' (known: vhost)");
            }
            vhost = eq < 0 ? "" : decode(parameter.substring(eq + 1));
            if (vhost.isEmpty()) {
                throw invalid(uri, "an empty vhost");
            }
        }
        return vhost;
    }

    private static Address node(URI uri, String node) {
        if (node.isEmpty()) {
            throw invalid(uri, "an empty host");
        }
        String host = node;
        int port = DEFAULT_PORT;
        int colon = node.lastIndexOf(':');
        if (colon >= 0 && colon > node.lastIndexOf(']')) {
            host = node.substring(0, colon);
            try {
                port = Integer.parseInt(node.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw invalid(uri, "port '" + node.substring(colon + 1) + "' is not a number");
            }
            if (port <= 0 || port > 65_535) {
                throw invalid(uri, "port " + port + " (expected: 1..65535)");
            }
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw invalid(uri, "an empty host");
        }
        return new Address(host, port);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(URI uri, String why) {
        return new IllegalArgumentException("RabbitMQ address '" + redacted(uri) + "': " + why
                + " (expected: amqp://[user:password@]host[:port][,host[:port]...][/channel][?vhost=V])");
    }

    private static String redacted(URI uri) {
        String s = uri.toString();
        return uri.getRawUserInfo() == null ? s : s.replace(uri.getRawUserInfo(), "***");
    }
}
