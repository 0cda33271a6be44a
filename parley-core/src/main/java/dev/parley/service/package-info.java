/** The one abstraction every policy composes on: a {@link dev.parley.service.Service} and the {@link dev.parley.service.Filter}s around it. */
@NullMarked
package dev.parley.service;

import org.jspecify.annotations.NullMarked;
