/**
 * ActiveMQ Artemis for Parley messaging: {@code embedded:NAME} starts a broker in-process (persistent journal
 * in a data directory, reachable by other processes over TCP); {@code artemis://host:port/NAME} connects to a
 * running one. See docs/messaging.md.
 */
@NullMarked
package dev.parley.broker.artemis;

import org.jspecify.annotations.NullMarked;
