package com.tradevault.backup.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads the ustar archives {@link TarWriter} writes, one entry after the other, checking each header. */
public final class TarReader {

    private final InputStream in;
    private long unreadInEntry;
    private int padding;

    public TarReader(InputStream in) {
        this.in = in;
    }

    /** One archive member: its name and size; read its bytes from {@link TarReader#content()}. */
    public record Entry(String name, long size) {
    }

    /** The next entry, or empty at the end of the archive. */
    public Optional<Entry> next() throws IOException {
        skipRest();
        byte[] h = in.readNBytes(TarWriter.BLOCK);
        if (h.length < TarWriter.BLOCK) {
            throw new EOFException("the archive ends inside a header");
        }
        if (allZero(h)) {
            return Optional.empty();
        }
        verifyChecksum(h);
        Entry entry = new Entry(name(h), size(h));
        unreadInEntry = entry.size();
        padding = (int) ((TarWriter.BLOCK - entry.size() % TarWriter.BLOCK) % TarWriter.BLOCK);
        return Optional.of(entry);
    }

    /** The current entry's bytes; ends where the entry ends. */
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (unreadInEntry == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, unreadInEntry));
                if (n < 0) {
                    throw new EOFException("the archive ends inside an entry");
                }
                unreadInEntry -= n;
                return n;
            }
        };
    }

    private void skipRest() throws IOException {
        in.skipNBytes(unreadInEntry + padding);
        unreadInEntry = 0;
        padding = 0;
    }

    private static boolean allZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void verifyChecksum(byte[] h) throws IOException {
        long stored = parseOctal(h, 148, 8);
        byte[] copy = h.clone();
        for (int i = 148; i < 156; i++) {
            copy[i] = ' ';
        }
        if (stored != TarWriter.checksum(copy)) {
            throw new IOException("an archive header is damaged (checksum mismatch)");
        }
    }

    private static String name(byte[] h) {
        int end = 0;
        while (end < 100 && h[end] != 0) {
            end++;
        }
        return new String(h, 0, end, StandardCharsets.US_ASCII);
    }

    private static long size(byte[] h) throws IOException {
        if ((h[124] & 0x80) != 0) {
            long v = 0;
            for (int i = 128; i < 136; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        return parseOctal(h, 124, 12);
    }

    private static long parseOctal(byte[] h, int offset, int length) throws IOException {
        String text = new String(h, offset, length, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("an archive header is damaged (bad number '" + text + "')", e);
        }
    }
}
