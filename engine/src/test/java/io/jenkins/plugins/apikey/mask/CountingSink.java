package io.jenkins.plugins.apikey.mask;

import java.io.OutputStream;

/** Counts what is written, and the masks written as one write, and keeps nothing. */
final class CountingSink extends OutputStream {

    long count;
    long masks;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
        if (len == MaskingOutputStream.MASK.length() && b[off] == '*') {
            masks++;
        }
    }
}
