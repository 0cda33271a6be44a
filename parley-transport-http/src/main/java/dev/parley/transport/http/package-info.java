/** {@code http://}: Parley contracts as REST resources on Netty, problem+json errors, OpenAPI 3.1. */
@NullMarked
package dev.parley.transport.http;

import org.jspecify.annotations.NullMarked;
