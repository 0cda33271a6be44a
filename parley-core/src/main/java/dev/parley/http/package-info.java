/**
 * How a contract looks over {@code http://}: method and path annotations, and where a parameter record's
 * components travel (path, query, header, body). They belong to the contract, so a contract jar needs no
 * HTTP transport; {@link dev.parley.http.HttpRoute} reads and checks them when the contract is read.
 * See docs/rest.md.
 */
@NullMarked
package dev.parley.http;

import org.jspecify.annotations.NullMarked;
