package dev.parley.cli.demo;

import dev.parley.Contract;
import dev.parley.OneWay;
import dev.parley.cli.demo.Messages.Notification;

/** The notification service: texts passengers. */
@Contract(name = "notifications", version = "1.0")
public interface NotificationService {

    /** notification: fire and forget, one instance handles it. */
    @OneWay
    void notifyPassenger(Notification notification);
}
