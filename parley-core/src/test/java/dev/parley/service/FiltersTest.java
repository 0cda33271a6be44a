package dev.parley.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class FiltersTest {

    record Named(String name, List<String> trace) implements Filter {
        @Override
        public CompletionStage<Message> filter(Message request, Service next) {
            trace.add(name);
            return next.call(request);
        }
    }

    @Test
    void requestTravelsTheFiltersInOrderAndTheChainPrintsIt() {
        List<String> trace = new ArrayList<>();
        Service terminal = new Service() {
            @Override
            public CompletionStage<Message> call(Message request) {
                trace.add("transport");
                return CompletableFuture.completedFuture(request);
            }

            @Override
            public String toString() {
                return "local:x";
            }
        };
        Service chain = Filters.chain(List.of(new Named("retry", trace), new Named("breaker", trace),
                new Named("deadline", trace)), terminal);
        chain.call(Message.of(Headers.empty())).toCompletableFuture().join();
        assertThat(trace).containsExactly("retry", "breaker", "deadline", "transport");
        assertThat(chain).hasToString("retry -> breaker -> deadline -> local:x");
    }

    @Test
    void aFilterThatThrowsIsNamedInTheFailedStage() {
        Filter broken = new Filter() {
            @Override
            public CompletionStage<Message> filter(Message request, Service next) {
                throw new IllegalStateException("oops");
            }

            @Override
            public String name() {
                return "auth";
            }
        };
        Service chain = Filters.chain(List.of(broken), r -> CompletableFuture.completedFuture(r));
        CompletableFuture<Message> reply = chain.call(Message.of(Headers.empty())).toCompletableFuture();
        assertThat(reply).isCompletedExceptionally();
        assertThat(reply.handle((m, e) -> e).join())
                .isInstanceOfSatisfying(ParleyException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.INTERNAL);
                    assertThat(e.getMessage()).contains("filter 'auth' threw").contains("oops");
                });
    }

    @Test
    void whenCompleteRunsTheActionBeforeTheCallerSeesALaterReply() {
        CompletableFuture<Message> source = new CompletableFuture<>();
        List<String> trace = new ArrayList<>();
        CompletableFuture<Message> stage = Filters.whenComplete(source, (m, e) -> trace.add("action"));
        stage.whenComplete((m, e) -> trace.add("caller"));
        source.complete(Message.of(Headers.empty()));
        assertThat(trace).containsExactly("action", "caller");
        assertThat(stage).isCompleted();
    }

    @Test
    void whenCompletePassesAFailureOnAndCancellingItCancelsTheSource() {
        CompletableFuture<Message> failing = new CompletableFuture<>();
        CompletableFuture<Message> failed = Filters.whenComplete(failing, (m, e) -> { });
        failing.completeExceptionally(new ParleyException(Status.UNAVAILABLE, "down"));
        assertThat(failed).isCompletedExceptionally();

        CompletableFuture<Message> source = new CompletableFuture<>();
        List<Throwable> seen = new ArrayList<>();
        CompletableFuture<Message> stage = Filters.whenComplete(source, (m, e) -> seen.add(e));
        assertThat(stage.cancel(true)).isTrue();
        assertThat(source).isCancelled();
        assertThat(seen).hasSize(1); // the action still runs, once, with the cancellation
    }

    @Test
    void whenCompleteOfAnAnsweredStageReturnsItAsItIs() {
        CompletableFuture<Message> answered = CompletableFuture.completedFuture(Message.of(Headers.empty()));
        List<String> trace = new ArrayList<>();
        assertThat(Filters.whenComplete(answered, (m, e) -> trace.add("action"))).isSameAs(answered);
        assertThat(trace).containsExactly("action");
    }

    @Test
    void nestedWaitsShareOneStageAndRunInnerFirst() {
        CompletableFuture<Message> source = new CompletableFuture<>();
        List<String> trace = new ArrayList<>();
        CompletableFuture<Message> inner = Filters.whenComplete(source, (m, e) -> trace.add("bulkhead"));
        CompletableFuture<Message> outer = Filters.whenComplete(inner, (m, e) -> trace.add("breaker"));
        assertThat(outer).isSameAs(inner);
        outer.whenComplete((m, e) -> trace.add("caller"));
        source.complete(Message.of(Headers.empty()));
        assertThat(trace).containsExactly("bulkhead", "breaker", "caller");
    }

    @Test
    void cancellingASharedStageRunsEveryActionOnce() {
        CompletableFuture<Message> source = new CompletableFuture<>();
        List<String> trace = new ArrayList<>();
        CompletableFuture<Message> stage = Filters.whenComplete(Filters.whenComplete(source,
                (m, e) -> trace.add("inner " + (e != null))), (m, e) -> trace.add("outer " + (e != null)));
        stage.cancel(true);
        assertThat(source).isCancelled();
        assertThat(trace).containsExactly("inner true", "outer true");
    }
}
