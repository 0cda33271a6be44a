package dev.parley.service;

import dev.parley.codec.Codecs;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.OperationDescriptor;
import dev.parley.time.Scheduler;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Makes the filter one operation of a client gets: a bulkhead of its own, a circuit breaker of its own, a
 * retry that knows whether the operation is idempotent. Asked once per operation when the client is built;
 * {@code null} means "nothing for this operation".
 */
@FunctionalInterface
public interface Policy {

    @Nullable Filter create(Target target);

    /** How the policy shows in a chain's {@code toString()}. */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? "policy" : simple;
    }

    /**
     * What a policy is made for.
     *
     * @param contract the contract the client calls
     * @param operation the operation
     * @param address where the client sends it
     * @param scheduler the runtime's clock and timers
     * @param codecs the runtime's codecs, for a policy that makes replies of its own (a fallback)
     * @param mediaType the media type the client sends
     * @param connector a service sending to another address of the same contract, through the runtime's
     *        transports and deadline enforcement but none of this client's filters (a fallback endpoint)
     */
    record Target(ContractDescriptor contract, OperationDescriptor operation, String address, Scheduler scheduler,
            Codecs codecs, String mediaType, Function<String, Service> connector) {

        /** A service that sends to {@code address}; see {@code connector}. */
        public Service connect(String address) {
            return connector.apply(address);
        }

        /** {@code contract.operation}, as policies name what they guard. */
        public String name() {
            return contract.name() + "." + operation.name();
        }
    }
}
