package dev.parley.testkit.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RabbitMqExtension.class)
class RabbitMqExtensionTest {

    private static final List<String> vhostsSeen = new ArrayList<>();
    private static RabbitMq classBroker;

    @BeforeAll
    static void classBroker(RabbitMq rabbit) {
        classBroker = rabbit;
        vhostsSeen.add(rabbit.vhost());
    }

    @Test
    void eachTestGetsAVhostOfItsOwnThatExistsWhileItRuns(RabbitMq rabbit) throws Exception {
        vhostsSeen.add(rabbit.vhost());
        assertThat(rabbit.vhost()).isNotEqualTo(classBroker.vhost()).startsWith("parley-rabbitmqextensiontest-");
        assertThat(rabbit.rabbitmqctl("list_vhosts").lines()).contains(rabbit.vhost(), classBroker.vhost());
        assertThat(rabbit.uri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672?vhost=" + rabbit.vhost());
        assertThat(rabbit.address("trips")).isEqualTo("amqp://guest:guest@127.0.0.1:5672/trips?vhost=" + rabbit.vhost());
        try (Connection connection = rabbit.connect(); Channel channel = connection.createChannel()) {
            channel.queueDeclare("q", true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "q", null, new byte[] {1});
            channel.waitForConfirmsOrDie(10_000);
            assertThat(channel.queueDeclarePassive("q").getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void theSameParameterWithinOneTestIsTheSameVhost(RabbitMq first, RabbitMq second) {
        vhostsSeen.add(first.vhost());
        assertThat(second).isSameAs(first);
    }

    @AfterAll
    static void everyVhostOfATestIsDeletedAfterIt() {
        List<String> remaining = classBroker.rabbitmqctl("list_vhosts").lines().toList();
        assertThat(remaining).contains(classBroker.vhost());
        assertThat(remaining).doesNotContainAnyElementsOf(vhostsSeen.subList(1, vhostsSeen.size()));
    }
}
