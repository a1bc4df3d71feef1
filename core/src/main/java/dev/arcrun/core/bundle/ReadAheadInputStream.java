package dev.arcrun.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code source} on its own thread into a few fixed-size blocks, so gzip inflation runs on one core while the
 * caller parses tar entries and writes files on another (what {@code tar xzf} gets by piping through gzip).
 * Memory is bounded by {@code (blocks + 2) × blockSize}, allocated once: blocks go back and forth between the two
 * threads, so no garbage is made per block. A failure of the source is rethrown to the reader; an {@link Error}
 * (say an OutOfMemoryError in the inflater) is handed over too, and a pump thread that died without a word still
 * ends the reader's wait, so the caller can never block forever. {@link #close()} (what Cancel reaches) frees a
 * reader that is waiting.
 */
final class ReadAheadInputStream extends InputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> queue;
    private final BlockingQueue<byte[]> free;
    private final Thread thread;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int currentLen;
    private int pos;
    private boolean ended;

    ReadAheadInputStream(InputStream source, int blockSize, int blocks) {
        this.queue = new ArrayBlockingQueue<>(blocks + 1);
        this.free = new ArrayBlockingQueue<>(blocks + 2);
        for (int i = 0; i < blocks + 2; i++) {
            free.add(new byte[blockSize]);
        }
        this.thread = Thread.ofPlatform().daemon().name("bundle-inflate").start(() -> pump(source, blockSize));
    }

    private record Block(byte[] data, int len) {}

    private void pump(InputStream source, int blockSize) {
        try (source) {
            while (!closed) {
                byte[] buf = free.poll(100, TimeUnit.MILLISECONDS);
                if (buf == null) {
                    continue; // the reader still holds every block
                }
                int len = source.readNBytes(buf, 0, blockSize);
                if (len == 0) {
                    put(END);
                    return;
                }
                put(new Block(buf, len));
                if (len < blockSize) {
                    put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed by the reader
        } catch (Throwable e) { // an Error too: the reader must hear of it, or it waits forever
            if (!closed) {
                put(e);
            }
        }
    }

    private void put(Object o) {
        try {
            while (!closed && !queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                // wait for the reader, unless it has gone
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        Object o = null;
        try {
            while (o == null) {
                if (closed) {
                    ended = true;
                    throw new IOException("The bundle stream was closed");
                }
                o = queue.poll(100, TimeUnit.MILLISECONDS);
                if (o == null && !thread.isAlive()) {
                    o = queue.poll(); // its last word may have landed just now
                    if (o == null) {
                        ended = true;
                        throw new IOException("Reading the bundle stopped unexpectedly");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while reading the bundle");
        }
        if (o == END) {
            ended = true;
            return false;
        }
        if (o instanceof IOException e) {
            ended = true;
            throw e;
        }
        if (o instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (o instanceof Throwable e) {
            ended = true;
            throw new IOException("Reading the bundle failed: " + e, e);
        }
        Block b = (Block) o;
        if (current.length > 0) {
            free.offer(current);
        }
        current = b.data();
        currentLen = b.len();
        pos = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos >= currentLen && !fill()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= currentLen && !fill()) {
            return -1;
        }
        int n = Math.min(len, currentLen - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            if (pos >= currentLen && !fill()) {
                break;
            }
            int k = (int) Math.min(n - skipped, currentLen - pos);
            pos += k;
            skipped += k;
        }
        return skipped;
    }

    @Override
    public int available() {
        return currentLen - pos;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        queue.clear();
    }
}
