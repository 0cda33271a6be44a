package dev.parley.cli.demo;

import dev.parley.Contract;
import dev.parley.Publish;
import dev.parley.Replies;
import dev.parley.cli.demo.Messages.DriverQuote;
import dev.parley.cli.demo.Messages.QuoteRequest;

/** The dispatcher asks every nearby driver for a quote. */
@Contract(name = "driver-quotes", version = "1.0")
public interface DriverQuotes {

    /** publish/async-response: many drivers answer; the publisher collects what arrives in time. */
    @Publish
    Replies<DriverQuote> quote(QuoteRequest request);
}
