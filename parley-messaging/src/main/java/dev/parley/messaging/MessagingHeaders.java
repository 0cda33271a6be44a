package dev.parley.messaging;

/**
 * Headers that only messaging uses, beside the standard {@link dev.parley.message.HeaderNames}. Every broker
 * carries them under these names.
 */
public final class MessagingHeaders {

    /** Optional partition/ordering key (the Kafka record key); messages with one key keep their order. */
    public static final String KEY = "parley-key";
    /**
     * The deadline as an absolute wall-clock time, epoch milliseconds, written beside
     * {@link dev.parley.message.HeaderNames#DEADLINE} when a message goes to a broker: time spent waiting in a
     * queue counts against the budget (see docs/messaging.md, "Deadlines").
     */
    public static final String DEADLINE_AT = "parley-deadline-at";
    /** On a dead letter: the {@link dev.parley.Status} name of why it was dead-lettered. */
    public static final String DEAD_LETTER_STATUS = "parley-dead-letter-status";
    /** On a dead letter: the reason in words (the handler's error, or the deadline that had passed). */
    public static final String DEAD_LETTER_REASON = "parley-dead-letter-reason";
    /** On a dead letter: the queue or subscription ({@code topic/group}) it was taken from. */
    public static final String DEAD_LETTER_SOURCE = "parley-dead-letter-source";
    /** On a dead letter: the runtime instance that dead-lettered it. */
    public static final String DEAD_LETTER_BY = "parley-dead-letter-by";

    private MessagingHeaders() {
    }
}
