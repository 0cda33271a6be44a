package dev.parley.service;

import dev.parley.message.Message;
import java.util.concurrent.CompletionStage;

/**
 * A message in, a reply later. The client stub, every filter, every transport and the server skeleton are
 * services; failures complete the stage exceptionally with a {@link dev.parley.ParleyException} (or a
 * declared contract exception), never throw.
 */
@FunctionalInterface
public interface Service {

    CompletionStage<Message> call(Message request);
}
