package dev.dynaseed.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes starting, joining and stopping the engine of one data folder across processes (an OS lock on
 * {@code engine.lock}, released by the OS if the holder dies) and across threads of this JVM (the OS lock belongs
 * to the whole JVM, so threads queue on an in-process lock first). Held for milliseconds, or for one engine start.
 */
final class EngineLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLock.class);
    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private EngineLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    static EngineLock acquire(Path file, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock local = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!local.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(file, timeout, "another thread of this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the local engine's lock " + file, e);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long delayMillis = 10;
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(
                            ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                            0);
                    return new EngineLock(local, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw timedOut(file, timeout, holder(file));
                }
                Thread.sleep(delayMillis);
                delayMillis = Math.min(200, delayMillis * 2);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            local.unlock();
            throw new EngineException(
                    "cannot lock the local engine's folder (" + file + ": " + e.getMessage()
                            + "); check that the data folder is writable, or choose another with --data-dir",
                    e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            local.unlock();
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the local engine's lock " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("releasing {} failed ({}); closing the channel releases it", lock, e.toString());
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }

    private static EngineException timedOut(Path file, Duration timeout, String holder) {
        return new EngineException("waited " + timeout.toSeconds() + " s for " + holder + " to finish starting or"
                + " stopping the local engine (lock " + file + "); check for a hung dynaseed command, or retry");
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.UTF_8).trim();
            return pid.matches("\\d+") ? "the dynaseed command with pid " + pid : "another dynaseed command";
        } catch (IOException e) {
            return "another dynaseed command";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the engine lock's channel failed: {}", e.toString());
        }
    }
}
