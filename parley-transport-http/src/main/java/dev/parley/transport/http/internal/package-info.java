/** Implementation of the http transport; carries no compatibility promise. */
@NullMarked
package dev.parley.transport.http.internal;

import org.jspecify.annotations.NullMarked;
