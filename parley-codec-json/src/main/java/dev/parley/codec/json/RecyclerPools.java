package dev.parley.codec.json;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;

/**
 * Where Jackson keeps its buffers between calls: per thread on platform threads (transport I/O threads and
 * application threads live long, so a thread's own buffers are free to reuse), in one shared pool on virtual
 * threads (a handler's thread lives for one call, so its own buffers would start empty every time).
 */
final class RecyclerPools implements RecyclerPool<BufferRecycler> {

    private static final long serialVersionUID = 1L;

    static final RecyclerPools INSTANCE = new RecyclerPools();

    private final RecyclerPool<BufferRecycler> perThread = JsonRecyclerPools.threadLocalPool();
    private final RecyclerPool<BufferRecycler> shared = JsonRecyclerPools.sharedConcurrentDequePool();

    private RecyclerPools() {
    }

    private RecyclerPool<BufferRecycler> pool() {
        return Thread.currentThread().isVirtual() ? shared : perThread;
    }

    @Override
    public BufferRecycler acquireAndLinkPooled() {
        return pool().acquireAndLinkPooled(); // linked to the pool it came from, which takes it back
    }

    @Override
    public BufferRecycler acquirePooled() {
        return pool().acquirePooled();
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        shared.releasePooled(recycler);
    }
}
