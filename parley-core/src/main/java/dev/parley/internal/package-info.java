/** Implementation; carries no compatibility promise. */
@NullMarked
package dev.parley.internal;

import org.jspecify.annotations.NullMarked;
