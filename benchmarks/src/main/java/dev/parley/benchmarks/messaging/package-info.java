/**
 * The {@code messaging} suite (S9, S10): Parley over a broker against the broker's own client, on the same
 * broker in the same fork. Two ways of measuring, two pairs of classes per broker:
 * <ul>
 *   <li>{@code <Broker>PairedFanOutBenchmark} and {@code <Broker>PairedLatencyBenchmark}
 *       ({@link dev.parley.benchmarks.messaging.PairedScenario}): both peers in every trial, measured in turns;
 *       the goals are read from these;</li>
 *   <li>{@code <Broker>PublishBenchmark} and {@code <Broker>FanOutBenchmark}
 *       ({@link dev.parley.benchmarks.messaging.PublishScenario}): one peer per trial, {@code @Param peer},
 *       as the other suites measure; informational, since a broker drifts between trials by more than the
 *       goals' margins.</li>
 * </ul>
 */
@NullMarked
package dev.parley.benchmarks.messaging;

import org.jspecify.annotations.NullMarked;
