/** The contract model: a Java interface read once into a {@link dev.parley.contract.ContractDescriptor}. */
@NullMarked
package dev.parley.contract;

import org.jspecify.annotations.NullMarked;
