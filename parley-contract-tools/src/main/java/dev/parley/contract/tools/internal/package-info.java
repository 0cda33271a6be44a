/** The machinery behind the contract tools; no promises. */
@NullMarked
package dev.parley.contract.tools.internal;

import org.jspecify.annotations.NullMarked;
