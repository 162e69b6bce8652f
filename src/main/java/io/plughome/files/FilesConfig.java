package io.plughome.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where files are kept ({@code PLUGHOME_DATA_DIR}), the largest file taken
 * ({@code PLUGHOME_MAX_FILE_MB}), how much all of them may take ({@code PLUGHOME_FILES_QUOTA_MB}), and the address chargers reach PlugHome at for uploads and
 * downloads ({@code PLUGHOME_PUBLIC_URL}; by default the address each charger connected to).
 */
@ApplicationScoped
public class FilesConfig {

    @Inject
    @ConfigProperty(name = "plughome.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "plughome.max.file.mb", defaultValue = "200")
    long maxFileMb;

    @Inject
    @ConfigProperty(name = "plughome.files.quota.mb", defaultValue = "1024")
    long quotaMb;

    @Inject
    @ConfigProperty(name = "plughome.public.url")
    Optional<String> publicUrl;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public long maxBytes() {
        return maxFileMb * 1024 * 1024;
    }

    /** All diagnostics and firmware files together may take at most this much ({@code PLUGHOME_FILES_QUOTA_MB}). */
    public long quotaBytes() {
        return quotaMb * 1024 * 1024;
    }

    /** The configured base URL without a trailing slash, if one is set. */
    public Optional<String> publicUrl() {
        return publicUrl.map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
