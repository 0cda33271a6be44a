package dev.parley.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.service.CallCounter.Usage;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallCounterTest {

    private static final Service ECHO = CompletableFuture::completedFuture;

    private static Message call(String version, String client) {
        Headers h = Headers.of(HeaderNames.CONTRACT, "trips", HeaderNames.VERSION, version);
        return Message.of(client == null ? h : h.with(HeaderNames.CLIENT, client));
    }

    @Test
    void countsByContractVersionAndCaller() {
        CallCounter counter = new CallCounter();
        Service s = Filters.chain(java.util.List.of(counter), ECHO);
        s.call(call("1.0", "billing"));
        s.call(call("1.0", "billing"));
        s.call(call("1.1", "billing"));
        s.call(call("2.0", "dispatch"));
        s.call(call("1.0", null));
        assertThat(counter.usage()).containsExactly(
                new Usage("trips", "1.0", CallCounter.UNNAMED, 1),
                new Usage("trips", "1.0", "billing", 2),
                new Usage("trips", "1.1", "billing", 1),
                new Usage("trips", "2.0", "dispatch", 1));
        assertThat(counter.calls("trips", "1")).isEqualTo(4);
        assertThat(counter.calls("trips", "1.0")).isEqualTo(3);
        assertThat(counter.calls("trips", "2")).isEqualTo(1);
        assertThat(counter.table()).contains("trips").contains("billing").contains("dispatch");
    }

    @Test
    void callerNamesFromTheWireCannotGrowTheCountWithoutBound() {
        CallCounter counter = new CallCounter(2);
        for (int i = 0; i < 100; i++) {
            counter.filter(call("1.0", "caller-" + i), ECHO);
        }
        assertThat(counter.usage()).hasSizeLessThanOrEqualTo(3)
                .contains(new Usage("trips", "1.0", CallCounter.OTHER, 98));
        assertThat(counter.calls("trips", "1")).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            counter.filter(call("1." + i, "caller-" + i), ECHO);
        }
        assertThat(counter.usage()).hasSizeLessThanOrEqualTo(4)
                .contains(new Usage("trips", CallCounter.OTHER, CallCounter.OTHER, 99));
    }
}
