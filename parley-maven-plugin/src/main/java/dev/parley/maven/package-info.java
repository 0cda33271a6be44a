/** The Parley Maven plugin: the contract compatibility check in a build. */
@NullMarked
package dev.parley.maven;

import org.jspecify.annotations.NullMarked;
