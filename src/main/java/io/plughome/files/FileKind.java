package io.plughome.files;

/** What a stored file is, and the folder of the data directory it lives in. */
public enum FileKind {
    DIAGNOSTICS("diagnostics"), FIRMWARE("firmware");

    private final String folder;

    FileKind(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
