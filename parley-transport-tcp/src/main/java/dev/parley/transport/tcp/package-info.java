/** {@code tcp://}: Parley's multiplexed binary protocol on Netty; see docs/protocol.md. */
@NullMarked
package dev.parley.transport.tcp;

import org.jspecify.annotations.NullMarked;
