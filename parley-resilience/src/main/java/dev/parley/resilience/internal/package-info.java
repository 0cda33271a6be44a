/** Implementation of the resilience policies; carries no compatibility promise. */
@NullMarked
package dev.parley.resilience.internal;

import org.jspecify.annotations.NullMarked;
