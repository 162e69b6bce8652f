package io.plughome.files;

/** A file larger than {@code PLUGHOME_MAX_FILE_MB}: nothing of it is kept. */
public class FileTooLarge extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FileTooLarge(long maxBytes) {
        super("Files may be at most " + maxBytes / (1024 * 1024) + " MB (PLUGHOME_MAX_FILE_MB)", null, false, false);
    }
}
