package io.plughome.files;

/** Keeping a file would take the files past {@code PLUGHOME_FILES_QUOTA_MB}: nothing of it is kept. */
public class QuotaFull extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuotaFull(long quotaBytes, long usedBytes) {
        super("The files PlugHome keeps may take " + quotaBytes / (1024 * 1024) + " MB in all"
                + " (PLUGHOME_FILES_QUOTA_MB) and take " + usedBytes / (1024 * 1024) + " MB now; delete"
                + " diagnostics or firmware files first", null, false, false);
    }
}
