package dev.parley.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports for servers started in tests. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port nothing listens on at the moment of asking (the OS picks it). */
    public static int next() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
