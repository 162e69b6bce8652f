package io.plughome.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading a multipart form's file as it arrives. */
class MultipartReaderTest {

    private static final String TYPE = "multipart/form-data; boundary=----XyZ";

    private static byte[] form(byte[] file, String before) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((before + "------XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "------XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"log.tar.gz\"\r\n"
                + "Content-Type: application/gzip\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(file);
        out.writeBytes("\r\n------XyZ--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Hands out at most a few bytes per read, as a slow network does. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void theFilePartIsReadWholeAndExactlyWhateverTheChunks() throws IOException {
        byte[] file = new byte[300_000];
        new Random(7).nextBytes(file);
        // bytes that look like the start of the delimiter inside the file
        byte[] nearMiss = "\r\n------XyY\r\n--".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(nearMiss, 0, file, 65_530, nearMiss.length);
        for (int step : new int[] {1, 7, 4096, 1 << 20}) {
            for (String preamble : new String[] {"", "a preamble\r\n"}) {
                byte[] body = form(step == 1 ? java.util.Arrays.copyOf(file, 70_000) : file, preamble);
                MultipartReader.FilePart part = MultipartReader.of(TYPE, trickle(body, step)).orElseThrow()
                        .firstFile().orElseThrow();
                assertEquals("log.tar.gz", part.fileName());
                assertArrayEquals(step == 1 ? java.util.Arrays.copyOf(file, 70_000) : file,
                        part.content().readAllBytes(), "step " + step);
            }
        }
    }

    @Test
    void boundariesAndNamesInTheirUsualSpellings() throws IOException {
        assertTrue(MultipartReader.of("multipart/form-data; boundary=\"----XyZ\"", InputStream.nullInputStream())
                .isPresent());
        assertTrue(MultipartReader.of("text/plain", InputStream.nullInputStream()).isEmpty());
        assertTrue(MultipartReader.of("multipart/form-data", InputStream.nullInputStream()).isEmpty());
        assertEquals("a b.txt", MultipartReader.fileName("Content-Disposition: form-data; name=f; filename=\"a b.txt\""));
        assertEquals("x.log", MultipartReader.fileName("content-disposition: form-data; filename=x.log"));
        assertEquals(null, MultipartReader.fileName("Content-Disposition: form-data; name=\"note\""));
    }

    @Test
    void aFormWithoutAFileOrCutShortIsSaidSo() throws IOException {
        byte[] noFile = "------XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n------XyZ--\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(MultipartReader.of(TYPE, new ByteArrayInputStream(noFile)).orElseThrow().firstFile().isEmpty());
        byte[] cut = java.util.Arrays.copyOf(form(new byte[1000], ""), 600);
        MultipartReader.FilePart part = MultipartReader.of(TYPE, new ByteArrayInputStream(cut)).orElseThrow()
                .firstFile().orElseThrow();
        assertThrows(MultipartReader.Malformed.class, () -> part.content().readAllBytes());
        byte[] endless = ("------XyZ\r\n" + "X".repeat(20_000)).getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MultipartReader.Malformed.class, () -> MultipartReader.of(TYPE, new ByteArrayInputStream(endless))
                .orElseThrow().firstFile());
    }
}
