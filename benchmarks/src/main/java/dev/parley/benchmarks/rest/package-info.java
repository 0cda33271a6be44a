/**
 * The {@code rest} suite (S5): POST of a 1 KiB JSON echo over HTTP/1.1 keep-alive, bound with Jackson both
 * ways, Parley's {@code http://} against Vert.x core's {@code HttpServer}/{@code HttpClient} and Armeria, each
 * with its own client and server in one JVM. Run it with {@code benchmarks/run rest}.
 */
@NullMarked
package dev.parley.benchmarks.rest;

import org.jspecify.annotations.NullMarked;
