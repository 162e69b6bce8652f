package io.plughome.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body as it arrives (RFC 7578), for the one thing a
 * charger's log upload needs: the first part that carries a file, as a stream. Nothing is
 * buffered beyond 64 KiB and nothing is written anywhere, so the size limits of the caller apply
 * to the file's own bytes as they come, and a refused upload leaves no temporary file behind (the
 * container's own multipart support writes the whole body to a temporary file first).
 */
final class MultipartReader {

    /** A body that is not the multipart form it claims to be. */
    static final class Malformed extends IOException {

        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** A file part: the name the client gave it ("" when none) and its content. */
    record FilePart(String fileName, InputStream content) {
    }

    private static final int HEADER_LIMIT = 16 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=(\"([^\"]*)\"|([^;\\s]*))");

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;

    private MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the first delimiter may open the body without a line break before it: read as if there were one
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** A reader for a body of this content type; empty when it is not multipart with a boundary. */
    static Optional<MultipartReader> of(String contentType, InputStream in) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new MultipartReader(in, m.group(2) != null ? m.group(2) : m.group(3)));
    }

    /** The first part that carries a file (other parts are skipped), or empty when there is none. */
    Optional<FilePart> firstFile() throws IOException {
        skipPart(); // the preamble, up to the first delimiter
        while (!finished && afterDelimiter()) {
            String headers = readHeaders();
            String name = fileName(headers);
            if (name != null) {
                return Optional.of(new FilePart(name, new PartStream()));
            }
            skipPart();
        }
        return Optional.empty();
    }

    static String fileName(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                Matcher m = FILE_NAME.matcher(line);
                if (m.find()) {
                    return m.group(2) != null ? m.group(2) : m.group(3);
                }
            }
        }
        return null;
    }

    /** After a delimiter: "--" ends the body, a line break starts a part (whitespace may pad it). */
    private boolean afterDelimiter() throws IOException {
        int c = read();
        while (c == ' ' || c == '\t') {
            c = read();
        }
        if (c == '-' && read() == '-') {
            finished = true;
            return false;
        }
        if (c == '\r' && read() == '\n') {
            return true;
        }
        throw new Malformed("a multipart delimiter is followed by neither a line break nor '--'");
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                throw new Malformed("the body ends inside a part's headers");
            }
            headers.append((char) c);
            if (headers.length() > HEADER_LIMIT) {
                throw new Malformed("a part's headers are longer than " + HEADER_LIMIT + " bytes");
            }
            int n = headers.length();
            if (n >= 4 && headers.charAt(n - 4) == '\r' && headers.charAt(n - 3) == '\n'
                    && headers.charAt(n - 2) == '\r' && headers.charAt(n - 1) == '\n') {
                return new String(headers.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            if (n == 2 && headers.charAt(0) == '\r' && headers.charAt(1) == '\n') {
                return ""; // a part without headers
            }
        }
    }

    private void skipPart() throws IOException {
        byte[] sink = new byte[buf.length];
        while (readBody(sink, 0, sink.length) >= 0) {
            // dropped
        }
    }

    private int read() throws IOException {
        if (start == end && !fill()) {
            return -1;
        }
        return buf[start++] & 0xFF;
    }

    /** Reads more into the buffer, keeping what was not read yet; false at the end of the body. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    /** Bytes of the current part's content; -1 once its closing delimiter has been read. */
    private int readBody(byte[] out, int off, int len) throws IOException {
        while (true) {
            int found = indexOfDelimiter();
            if (found == start) {
                start += delimiter.length;
                return -1;
            }
            int safe = found >= 0 ? found : end - (delimiter.length - 1);
            if (safe > start) {
                int n = Math.min(len, safe - start);
                System.arraycopy(buf, start, out, off, n);
                start += n;
                return n;
            }
            if (!fill()) {
                throw new Malformed("the body ends before the multipart form's closing delimiter");
            }
        }
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = start; i <= end - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The content of the file part, ending where its delimiter begins. */
    private final class PartStream extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = readBody(b, off, len);
            if (n < 0) {
                done = true;
            }
            return n;
        }
    }
}
