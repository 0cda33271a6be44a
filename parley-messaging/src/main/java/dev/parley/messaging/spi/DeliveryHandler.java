package dev.parley.messaging.spi;

/**
 * Receives deliveries from a {@link Broker#consume consumer} or a {@link ReplyChannel}. Called on the broker
 * client's thread, one delivery at a time per consumer; it returns quickly (Parley hands the work to a
 * handler thread) and never throws.
 */
@FunctionalInterface
public interface DeliveryHandler {

    void onDelivery(Delivery delivery);
}
