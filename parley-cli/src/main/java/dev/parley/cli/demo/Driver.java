package dev.parley.cli.demo;

import dev.parley.ParleyException;
import dev.parley.Replies;
import dev.parley.Status;
import dev.parley.cli.demo.Messages.DriverQuote;
import dev.parley.cli.demo.Messages.QuoteRequest;

/** A driver's app: quotes a fare, or declines when off duty (an error reply the dispatcher copes with). */
record Driver(String name, double fareEur, int etaMinutes, boolean onDuty) implements DriverQuotes {

    @Override
    public Replies<DriverQuote> quote(QuoteRequest request) {
        if (!onDuty) {
            throw new ParleyException(Status.UNAVAILABLE, name + " is off duty");
        }
        return Replies.answer(new DriverQuote(name, fareEur, etaMinutes));
    }
}
