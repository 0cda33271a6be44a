/**
 * The {@code messaging} suite (S9, S10): Parley over a broker against the broker's own client, on the same
 * broker in the same fork. One pair of classes per broker ({@code <Broker>PublishBenchmark},
 * {@code <Broker>FanOutBenchmark}), each with its peers as {@code @Param peer}; the scenarios live in
 * {@link dev.parley.benchmarks.messaging.PublishScenario} and {@link dev.parley.benchmarks.messaging.FanOutScenario}.
 */
@NullMarked
package dev.parley.benchmarks.messaging;

import org.jspecify.annotations.NullMarked;
