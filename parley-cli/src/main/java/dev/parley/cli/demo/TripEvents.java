package dev.parley.cli.demo;

import dev.parley.Contract;
import dev.parley.Publish;
import dev.parley.cli.demo.Messages.TripCreated;

/** What happens to trips, for whoever cares. */
@Contract(name = "trip-events", version = "1.0")
public interface TripEvents {

    /** publish/subscribe: every subscriber group gets it once. */
    @Publish
    void tripCreated(TripCreated event);
}
