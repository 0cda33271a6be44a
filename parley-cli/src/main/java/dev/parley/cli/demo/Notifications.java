package dev.parley.cli.demo;

import dev.parley.cli.demo.Messages.Notification;

/** The notification service; texting is out of scope, so it only reports what it would send. */
final class Notifications implements NotificationService {

    static final String NAME = "notification";

    private final Journal journal;

    Notifications(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void notifyPassenger(Notification notification) {
        journal.received(NotificationService.class, notification.passenger().value(), NAME);
    }
}
