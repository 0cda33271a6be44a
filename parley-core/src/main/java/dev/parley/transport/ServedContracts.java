package dev.parley.transport;

import dev.parley.contract.ContractDescriptor;
import java.util.List;

/**
 * What a transport may learn about the {@link dev.parley.service.Service} it serves at an address: which
 * contracts are behind it. The runtime's router implements it; a transport that maps contracts onto its own
 * protocol (REST) checks {@code handler instanceof ServedContracts} and reads the contracts from it.
 * Contracts are added after {@link Transport#serve} returns, and may come and go while it serves.
 */
public interface ServedContracts {

    /** The contracts served now, one per name and major version, in the order they were added. */
    List<ContractDescriptor> contracts();

    /**
     * Calls {@code listener} with the contracts served after each change (and once at once with the current
     * ones). A listener that throws refuses the change: the contract being added is removed again and the
     * exception reaches whoever added it (e.g. two contracts claiming one HTTP route).
     */
    Registration onChange(java.util.function.Consumer<List<ContractDescriptor>> listener);
}
