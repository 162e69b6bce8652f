package io.plughome.files;

import io.plughome.platform.Durability;
import io.plughome.platform.JsonErrors;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The links chargers use, without API tokens (chargers cannot send them); each link carries an
 * unguessable token instead.
 * <ul>
 * <li>{@code PUT} or {@code POST /files/diagnostics/{token}/[name]}: a charger uploads the
 * diagnostics file a GetDiagnostics asked for. The body is the file, or a multipart form with
 * it; the name comes from the path, else from the form, else is made up. A link takes one upload
 * and closes.</li>
 * <li>{@code GET /files/firmware/{token}/{name}}: a charger downloads firmware the owner
 * uploaded.</li>
 * </ul>
 */
@WebServlet(urlPatterns = "/files/*")
public class FilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FilesServlet.class.getName());

    @Inject
    transient FileStore store;

    @Inject
    transient Durability durability;

    /** The path after /files, split on '/', empty segments dropped. */
    private static List<String> segments(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        upload(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        upload(request, response, true);
    }

    /** Room for a multipart form's delimiters and part headers around the file itself. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    /**
     * An upload through a GetDiagnostics link: refused before anything is read when its declared
     * length is over the size limit (413) or the quota (507); otherwise streamed straight into the
     * data directory (a multipart form is read as it arrives, never written to a temporary file of
     * the container's), and the link closes once the file is kept.
     */
    private void upload(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        List<String> path = segments(request);
        if (path.size() < 2 || !path.get(0).equals(FileKind.DIAGNOSTICS.folder())) {
            error(response, 404, "NotFound", "Uploads go to the link a GetDiagnostics named");
            return;
        }
        UploadSlot slot = store.upload(path.get(1)).orElse(null);
        if (slot == null) {
            error(response, 404, "NotFound", "No open upload link with this token (a link takes one upload, within "
                    + FileStore.UPLOAD_WINDOW.toMinutes() + " minutes of the request)");
            return;
        }
        String name = path.size() > 2 ? path.get(path.size() - 1) : null;
        String type = request.getContentType();
        boolean form = post && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        ChargerFile saved;
        try {
            long declared = request.getContentLengthLong();
            store.admit(form && declared > 0 ? Math.max(0, declared - FORM_OVERHEAD) : declared);
            try (InputStream body = request.getInputStream()) {
                if (form) {
                    MultipartReader reader = MultipartReader.of(type, body).orElse(null);
                    if (reader == null) {
                        error(response, 400, "BadRequest", "A multipart upload needs multipart/form-data with a"
                                + " boundary");
                        return;
                    }
                    MultipartReader.FilePart part = reader.firstFile().orElse(null);
                    if (part == null) {
                        error(response, 400, "BadRequest", "The form has no file");
                        return;
                    }
                    saved = store.saveDiagnostics(slot.chargerId(), name != null ? name
                            : part.fileName().isEmpty() ? null : part.fileName(), part.content());
                } else {
                    saved = store.saveDiagnostics(slot.chargerId(), name, body);
                }
            }
        } catch (FileTooLarge e) {
            refuse(response, 413, "TooLarge", e.getMessage());
            return;
        } catch (QuotaFull e) {
            refuse(response, 507, "InsufficientStorage", e.getMessage());
            return;
        } catch (MultipartReader.Malformed e) {
            error(response, 400, "BadRequest", "Not a readable multipart form: " + e.getMessage());
            return;
        }
        store.uploadDone(slot);
        ChargerFile file = saved;
        durability.awaitDurable();
        LOG.info(() -> "Charger " + file.chargerId() + " uploaded diagnostics " + file.name() + " ("
                + file.sizeBytes() + " bytes)");
        response.setStatus(201);
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("name", file.name()).add("sizeBytes",
                file.sizeBytes()).add("sha256", file.sha256()).build().toString());
    }

    /** A refusal that does not read the rest of the body: the connection closes after it. */
    private static void refuse(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setHeader("Connection", "close");
        error(response, status, error, message);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request);
        ChargerFile file = path.size() >= 2 && path.get(0).equals(FileKind.FIRMWARE.folder())
                ? store.byLink(path.get(1)).orElse(null) : null;
        if (file == null || !Files.exists(store.path(file))) {
            error(response, 404, "NotFound", "No firmware file at this link");
            return;
        }
        Path disk = store.path(file);
        LOG.info(() -> "Firmware " + file.name() + " downloaded from " + request.getRemoteAddr());
        response.setStatus(200);
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(Files.size(disk));
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        if (!"HEAD".equals(request.getMethod())) {
            Files.copy(disk, response.getOutputStream());
        }
    }

    private static void error(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        JsonErrors.write(response, status, error, message);
    }
}
