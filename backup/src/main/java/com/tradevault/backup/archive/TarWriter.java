package com.tradevault.backup.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes a POSIX ustar archive: the container inside a backup, so that
 * {@code gpg --decrypt FILE | tar -x} unpacks it with standard tools alone.
 * Only regular files with short names, which is all a backup holds.
 */
public final class TarWriter implements AutoCloseable {

    static final int BLOCK = 512;
    private static final long OCTAL_LIMIT = 077777777777L;

    private final OutputStream out;
    private final long mtime;

    public TarWriter(OutputStream out, Instant time) {
        this.out = out;
        this.mtime = time.getEpochSecond();
    }

    /** Adds a file with {@code size} bytes read from {@code content}; fails if it holds fewer. */
    public void add(String name, long size, InputStream content) throws IOException {
        out.write(header(name, size));
        long copied = content.transferTo(new Bounded(out, size));
        if (copied != size) {
            throw new IOException(name + " changed size while being archived: " + copied + " of " + size + " bytes");
        }
        pad(size);
    }

    public void add(String name, byte[] content) throws IOException {
        add(name, content.length, new java.io.ByteArrayInputStream(content));
    }

    /** Writes the end-of-archive marker; does not close the stream underneath. */
    @Override
    public void close() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    private byte[] header(String name, long size) {
        byte[] h = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        if (n.length > 100) {
            throw new IllegalArgumentException("name too long for ustar: " + name);
        }
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, 0600);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        size(h, size);
        octal(h, 136, 12, mtime);
        h[156] = '0';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        octal(h, 148, 7, checksum(h));
        return h;
    }

    private static void size(byte[] h, long size) {
        if (size <= OCTAL_LIMIT) {
            octal(h, 124, 12, size);
            return;
        }
        // GNU base-256: high bit of the first byte set, big-endian value in the rest
        h[124] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            h[135 - i] = (byte) (size >>> (8 * i));
        }
    }

    static long checksum(byte[] header) {
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        return sum;
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
        byte[] b = padded.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, length - 1);
        h[offset + length - 1] = 0;
    }

    /** Lets through at most {@code limit} bytes, so a growing source cannot corrupt the archive. */
    private static final class Bounded extends OutputStream {
        private final OutputStream out;
        private long left;

        Bounded(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("content grew while being archived");
            }
            out.write(b, off, len);
            left -= len;
        }
    }
}
