/**
 * The {@code rpc} suite: a unary echo over {@code tcp://} against grpc-java and raw Netty, client and server
 * in one JVM (BENCHMARKS.md, scenarios S1, S2 and S8). Run it with {@code benchmarks/run rpc}.
 */
@NullMarked
package dev.parley.benchmarks.rpc;

import org.jspecify.annotations.NullMarked;
