/**
 * A contract's API surface as a neutral, serializable model ({@link dev.parley.contract.tools.ApiModel}), read
 * from a Java contract; the compatibility checker that compares two models; AsyncAPI export.
 */
@NullMarked
package dev.parley.contract.tools;

import org.jspecify.annotations.NullMarked;
