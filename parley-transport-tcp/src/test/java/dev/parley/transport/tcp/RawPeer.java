package dev.parley.transport.tcp;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A hand-driven connection to a tcp:// server, for sending what no Parley client would. */
final class RawPeer implements AutoCloseable {

    static final byte[] PREFACE = {'P', 'R', 'L', 'Y', 1, 0, 0, 0};

    /** A frame as read off the socket. */
    record RawFrame(int type, int streamId, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000); // a read that gets nothing fails the test instead of hanging it
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    RawPeer send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    void endOutput() throws IOException {
        socket.shutdownOutput();
    }

    byte[] readPreface() throws IOException {
        byte[] b = new byte[8];
        in.readFully(b);
        return b;
    }

    RawFrame readFrame() throws IOException {
        int length = in.readInt();
        int type = in.readUnsignedByte();
        in.readUnsignedByte();
        int stream = in.readInt();
        int headerLength = in.readUnsignedShort();
        Map<String, String> headers = new LinkedHashMap<>();
        int read = 0;
        while (read < headerLength) {
            int n = in.readUnsignedByte();
            byte[] name = new byte[n];
            in.readFully(name);
            int v = in.readUnsignedShort();
            byte[] value = new byte[v];
            in.readFully(value);
            headers.put(new String(name, StandardCharsets.US_ASCII), new String(value, StandardCharsets.UTF_8));
            read += 1 + n + 2 + v;
        }
        byte[] body = new byte[length - 8 - headerLength];
        in.readFully(body);
        return new RawFrame(type, stream, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server closed the connection: the next read finds its end. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException | java.net.SocketException e) {
            return true;
        }
    }

    /** A frame header (length, type, flags, stream, header length) with nothing after it. */
    static byte[] frameHeader(long length, int type, int stream, int headerLength) {
        return new byte[] {
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
            (byte) type, 0,
            (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream,
            (byte) (headerLength >>> 8), (byte) headerLength};
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
